using System.Globalization;
using System.Text.RegularExpressions;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Content.Scheduling;
using Annuaire.Content.Text;
using YamlDotNet.RepresentationModel;

namespace Annuaire.Content.Parsing;

/// <summary>
/// Maps a front-matter mapping to an <see cref="Offer"/>, reporting every problem with the
/// position of the offending key or value. Never throws on bad content.
/// </summary>
internal sealed partial class OfferBinder
{
    private readonly YamlMappingNode _root;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _bag;
    private readonly ReferentialSet _refs;
    private readonly ValidationOptions _options;
    private readonly StringPool? _strings;
    private SynonymGroups? _synonyms;

    public OfferBinder(YamlMappingNode root, int lineOffset, DiagnosticBag bag, ReferentialSet refs, ValidationOptions options, StringPool? strings = null)
    {
        _root = root;
        _lineOffset = lineOffset;
        _bag = bag;
        _refs = refs;
        _options = options;
        _strings = strings;
    }

    /// <summary>Binds and validates; returns the offer's fields, or null if a required one is unusable.</summary>
    public Offer? Bind(string id, string sourcePath, string body, int bodyLine)
    {
        CheckKeys(_root, OfferKeys.All, "l'en-tête", OfferKeys.Qualified);

        var titre = Text(OfferKeys.Titre, required: true, min: 3, max: 150);
        var resume = Text(OfferKeys.Resume, required: true, min: 20, max: 280);
        var porteur = Text(OfferKeys.Porteur, required: true, repeats: true);
        if (porteur is not null && !_refs.Porteurs.ContainsKey(porteur))
        {
            UnknownValue(OfferKeys.Porteur, Node(OfferKeys.Porteur)!, porteur, _refs.Porteurs.Keys, "porteurs.yml", _refs.PorteurName);
        }

        var partenaires = List(OfferKeys.Partenaires, required: false, allowed: null);
        foreach (var (value, node) in ListWithNodes(OfferKeys.Partenaires))
        {
            if (!_refs.Porteurs.ContainsKey(value))
            {
                UnknownValue(OfferKeys.Partenaires, node, value, _refs.Porteurs.Keys, "porteurs.yml", _refs.PorteurName);
            }
            else if (value == porteur)
            {
                _bag.Warning(DiagnosticCodes.DuplicateValue, At(node), $"`partenaires` : « {value} » est déjà le porteur ; retirez-le de la liste.");
            }
        }

        var thematiques = List(OfferKeys.Thematiques, required: true, _refs.Thematiques);
        var type = Text(OfferKeys.Type, required: false, allowed: _refs.Types, repeats: true);
        var publics = List(OfferKeys.Publics, required: false, _refs.Publics);
        var zones = List(OfferKeys.ZoneEligibilite, required: true, allowed: null);
        CheckZones();
        var modesAccueil = List(OfferKeys.ModesAccueil, required: false, _refs.ModesAccueil);
        var frais = Text(OfferKeys.Frais, required: false, allowed: _refs.Frais, repeats: true);
        var modesMobilisation = List(OfferKeys.ModesMobilisation, required: false, _refs.ModesMobilisation);
        var mobilisablePar = List(OfferKeys.MobilisablePar, required: false, _refs.MobilisablePar);
        var lien = Url(OfferKeys.LienMobilisation, Node(OfferKeys.LienMobilisation), OfferKeys.LienMobilisation);
        var contact = BindContact();
        var lieux = BindPlaces();
        var dateMaj = Date(OfferKeys.DateMaj, required: true);
        var valideDu = Date(OfferKeys.ValideDu, required: false);
        var valideJusquAu = Date(OfferKeys.ValideJusquAu, required: false);
        var fermeture = BindClosure();
        var statut = Text(OfferKeys.Statut, required: false) switch
        {
            null or "actif" => OfferStatus.Actif,
            "suspendu" => OfferStatus.Suspendu,
            "archive" => OfferStatus.Archive,
            var other => InvalidStatus(other),
        };

        CheckDates(dateMaj, valideDu, valideJusquAu);
        CheckConsistency(modesMobilisation, contact, lien);

        if (titre is null || resume is null || porteur is null || thematiques.Length == 0 || zones.Length == 0 || dateMaj is null)
        {
            return null;
        }

        return new Offer
        {
            Id = id,
            SourcePath = sourcePath,
            Titre = titre,
            Resume = resume,
            Porteur = porteur,
            Partenaires = partenaires,
            Thematiques = thematiques,
            Type = type,
            Publics = publics.Length == 0 ? [Offer.TousPublics] : publics,
            PublicsPrecisions = Text(OfferKeys.PublicsPrecisions, required: false),
            ZoneEligibilite = zones,
            ModesAccueil = modesAccueil,
            Frais = frais,
            FraisPrecisions = Text(OfferKeys.FraisPrecisions, required: false),
            ConditionsAcces = Text(OfferKeys.ConditionsAcces, required: false),
            Justificatifs = List(OfferKeys.Justificatifs, required: false, allowed: null),
            ModesMobilisation = modesMobilisation,
            MobilisablePar = mobilisablePar,
            MobilisationPrecisions = Text(OfferKeys.MobilisationPrecisions, required: false),
            LienMobilisation = lien,
            Contact = contact,
            Lieux = lieux,
            MotsCles = List(OfferKeys.MotsCles, required: false, allowed: null),
            DateMaj = dateMaj.Value,
            ValideDu = valideDu,
            ValideJusquAu = valideJusquAu,
            Statut = statut,
            FermetureTemporaire = fermeture,
            Body = body,
            BodyLine = bodyLine,
        };
    }

    private OfferStatus InvalidStatus(string value)
    {
        var node = Node(OfferKeys.Statut)!;
        _bag.Error(DiagnosticCodes.UnknownReferentialValue, At(node), $"`statut` : « {value} » n'existe pas ; valeurs possibles : actif, suspendu, archive.");
        return OfferStatus.Actif;
    }

    /// <param name="map">The mapping whose keys are checked.</param>
    /// <param name="allowed">Keys allowed there.</param>
    /// <param name="where">French name of the place, for the message.</param>
    /// <param name="suggested">Where to look for « vouliez-vous dire » (default: <paramref name="allowed"/>).</param>
    private void CheckKeys(YamlMappingNode map, IReadOnlyList<string> allowed, string where, IReadOnlyList<string>? suggested = null)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode scalar || scalar.Value is null)
            {
                _bag.Error(DiagnosticCodes.MalformedYaml, At(key), $"Clé invalide dans {where} : une clé doit être un mot simple.");
                continue;
            }

            if (!allowed.Contains(scalar.Value))
            {
                var hint = Suggestions.Hint(scalar.Value, suggested ?? allowed, "vouliez-vous dire");
                _bag.Error(DiagnosticCodes.UnknownKey, At(key), $"Clé « {scalar.Value} » inconnue dans {where}{hint}.");
            }
        }
    }

    private YamlNode? Node(string key) => Node(_root, key);

    private static YamlNode? Node(YamlMappingNode map, string key) => YamlText.Child(map, key);

    private SourceLocation At(YamlNode node) => YamlText.Location(node, _lineOffset);

    private void Missing(string key, YamlMappingNode map, string? hint = null) =>
        _bag.Error(DiagnosticCodes.MissingRequiredKey, map == _root ? new SourceLocation(_lineOffset, 1) : At(map),
            $"Clé obligatoire `{key}` absente ou vide{hint}.");

    private string? Text(string key, bool required, int min = 0, int max = int.MaxValue, Referential? allowed = null, bool repeats = false) =>
        Text(_root, key, required, min, max, allowed, repeats);

    /// <summary>
    /// A text value, checked. <paramref name="repeats"/>: a value many offers share (a porteur, a
    /// referential code, a phone number, a commune), kept once per load (<see cref="StringPool"/>);
    /// free text (titles, summaries, precisions) is unique and kept as read.
    /// </summary>
    private string? Text(YamlMappingNode map, string key, bool required, int min = 0, int max = int.MaxValue, Referential? allowed = null, bool repeats = false)
    {
        var node = Node(map, key);
        if (node is null || (node is YamlScalarNode s0 && string.IsNullOrWhiteSpace(YamlText.ScalarValue(s0))))
        {
            if (required)
            {
                Missing(key, map);
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            _bag.Error(DiagnosticCodes.WrongType, At(node), $"`{key}` doit être un texte, pas {Describe(node)}.");
            return null;
        }

        var value = YamlText.ScalarValue(scalar)!.Trim();
        if (value.Length < min || value.Length > max)
        {
            _bag.Error(DiagnosticCodes.InvalidLength, At(node),
                string.Create(CultureInfo.InvariantCulture, $"`{key}` fait {value.Length} caractères ; il en faut entre {min} et {max}."));
        }

        if (allowed is not null && !allowed.Contains(value))
        {
            UnknownValue(key, node, value, allowed.Keys, allowed.Name, allowed.Label);
            return null;
        }

        return repeats ? Share(value) : value;
    }

    /// <summary>The load's shared instance of <paramref name="value"/> (see <see cref="StringPool"/>).</summary>
    private string Share(string value) => _strings?.Share(value) ?? value;

    /// <summary>The values of a list, checked; an exact array (no list wrapper nor spare capacity), the empty one shared.</summary>
    private string[] List(string key, bool required, Referential? allowed)
    {
        var items = ListWithNodes(key);
        if (items.Count == 0)
        {
            var node = Node(key);
            if (required && (node is null || (node is YamlScalarNode s && YamlText.ScalarValue(s) is null) || node is YamlSequenceNode { Children.Count: 0 }))
            {
                Missing(key, _root, " : indiquez au moins une valeur");
            }

            return [];
        }

        var result = new List<string>();
        foreach (var (value, node) in items)
        {
            if (allowed is not null && !allowed.Contains(value))
            {
                UnknownValue(key, node, value, allowed.Keys, allowed.Name, allowed.Label);
                continue;
            }

            if (result.Contains(value))
            {
                _bag.Warning(DiagnosticCodes.DuplicateValue, At(node), $"`{key}` : « {value} » figure deux fois.");
                continue;
            }

            result.Add(value);
        }

        return [.. result];
    }

    private readonly Dictionary<string, List<(string Value, YamlNode Node)>> _lists = new(StringComparer.Ordinal);

    private List<(string Value, YamlNode Node)> ListWithNodes(string key)
    {
        if (_lists.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = new List<(string, YamlNode)>();
        _lists[key] = result;
        var node = Node(key);
        switch (node)
        {
            case null:
                break;
            case YamlScalarNode scalar when YamlText.ScalarValue(scalar) is null:
                break;
            case YamlScalarNode scalar:
                _bag.Error(DiagnosticCodes.WrongType, At(node),
                    $"`{key}` doit être une liste, par exemple : {key}: [{YamlText.ScalarValue(scalar)}]");
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode s && YamlText.ScalarValue(s) is { } v && v.Trim().Length > 0)
                    {
                        result.Add((Share(v.Trim()), item));
                    }
                    else
                    {
                        _bag.Error(DiagnosticCodes.WrongType, At(item), $"`{key}` : chaque élément doit être un texte, pas {Describe(item)}.");
                    }
                }

                break;
            default:
                _bag.Error(DiagnosticCodes.WrongType, At(node), $"`{key}` doit être une liste, pas {Describe(node)}.");
                break;
        }

        return result;
    }

    private void UnknownValue(string key, YamlNode node, string value, IEnumerable<string> candidates, string referential, Func<string, string> labelOf)
    {
        // Editors write what they say (« rsa »): compare through synonyms and labels too.
        _synonyms ??= SynonymGroups.Parse(_refs.Synonyms);
        var hint = Suggestions.Hint(value, candidates, labelOf: labelOf, aliases: _synonyms.Of(value.Replace('-', ' ')));
        _bag.Error(DiagnosticCodes.UnknownReferentialValue, At(node),
            $"`{key}` : « {value} » n'existe pas dans {referential}{hint}.");
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "une liste",
        YamlMappingNode => "un ensemble de clés",
        _ => "un texte",
    };

    private void CheckZones()
    {
        foreach (var (value, node) in ListWithNodes(OfferKeys.ZoneEligibilite))
        {
            var territories = _refs.Territories;
            switch (territories.Classify(value))
            {
                case TerritoryKind.Invalid:
                    _bag.Error(DiagnosticCodes.InvalidTerritoryCode, At(node),
                        $"`zone_eligibilite` : « {value} » n'est ni « france », ni un code de département (\"45\", \"2A\"), ni un code INSEE de commune (\"45208\"), ni un SIREN d'intercommunalité (9 chiffres).");
                    break;
                case TerritoryKind.Commune when !territories.IsEmpty && !territories.Communes.ContainsKey(value):
                    _bag.Error(DiagnosticCodes.UnknownTerritory, At(node),
                        $"`zone_eligibilite` : aucune commune n'a le code INSEE « {value} » dans le Code officiel géographique (vérifiez-le sur https://www.insee.fr/fr/recherche/recherche-geographique).");
                    break;
                case TerritoryKind.Epci when !territories.IsEmpty && !territories.Epcis.ContainsKey(value):
                    _bag.Error(DiagnosticCodes.UnknownTerritory, At(node),
                        $"`zone_eligibilite` : aucune intercommunalité n'a le SIREN « {value} » dans le Code officiel géographique (vérifiez-le sur https://www.banatic.interieur.gouv.fr).");
                    break;
                default:
                    break;
            }
        }
    }

    private DateOnly? Date(string key, bool required) => Date(_root, key, key, required);

    private DateOnly? Date(YamlMappingNode map, string key, string label, bool required)
    {
        var text = Text(map, key, required);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            _bag.Error(DiagnosticCodes.InvalidDate, At(Node(map, key)!), $"`{label}` : « {text} » n'est pas une date AAAA-MM-JJ valide (exemple : 2026-03-15).");
            return null;
        }

        return date;
    }

    private TemporaryClosure? BindClosure()
    {
        const string Key = OfferKeys.FermetureTemporaire;
        var node = Node(Key);
        if (node is null || (node is YamlScalarNode s && YamlText.ScalarValue(s) is null))
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            _bag.Error(DiagnosticCodes.WrongType, At(node), $"`{Key}` doit regrouper des clés ({string.Join(", ", OfferKeys.ClosureKeys)}), par exemple : {Key}: {{du: 2026-08-01, au: 2026-08-21, motif: congés d'été}}.");
            return null;
        }

        CheckKeys(map, OfferKeys.ClosureKeys, $"`{Key}`");
        var du = Date(map, OfferKeys.ClosureKeys[0], $"{Key}.{OfferKeys.ClosureKeys[0]}", required: true);
        var au = Date(map, OfferKeys.ClosureKeys[1], $"{Key}.{OfferKeys.ClosureKeys[1]}", required: true);
        var motif = Text(map, OfferKeys.ClosureKeys[2], required: false, max: 200);
        if (du is null || au is null)
        {
            return null;
        }

        if (au < du)
        {
            _bag.Error(DiagnosticCodes.InvalidDateRange, At(Node(map, OfferKeys.ClosureKeys[1])!), $"`{Key}.au` ({au:yyyy-MM-dd}) est antérieure à `{Key}.du` ({du:yyyy-MM-dd}).");
            return null;
        }

        var closure = new TemporaryClosure(du.Value, au.Value, motif);
        if (closure.IsOver(_options.Today))
        {
            _bag.Warning(DiagnosticCodes.PastClosure, At(node), $"La fermeture temporaire s'est terminée le {au:yyyy-MM-dd} : retirez `{Key}` de l'en-tête.");
        }

        return closure;
    }

    private void CheckDates(DateOnly? dateMaj, DateOnly? du, DateOnly? jusquAu)
    {
        var today = _options.Today;
        if (dateMaj is { } maj)
        {
            if (maj > today)
            {
                _bag.Error(DiagnosticCodes.DateInFuture, At(Node(OfferKeys.DateMaj)!),
                    $"`date_maj` : {maj:yyyy-MM-dd} est dans le futur ; indiquez la date de la dernière vérification (au plus tard aujourd'hui, {today:yyyy-MM-dd}).");
            }
            else if (maj < today.AddMonths(-_options.StaleAfterMonths))
            {
                _bag.Warning(DiagnosticCodes.StaleOffer, At(Node(OfferKeys.DateMaj)!),
                    string.Create(CultureInfo.InvariantCulture, $"Offre vérifiée pour la dernière fois le {maj:yyyy-MM-dd}, il y a plus de {_options.StaleAfterMonths} mois : vérifiez-la auprès du porteur puis mettez à jour `date_maj`."));
            }
        }

        if (du is { } from && jusquAu is { } to && to < from)
        {
            _bag.Error(DiagnosticCodes.InvalidDateRange, At(Node(OfferKeys.ValideJusquAu)!),
                $"`valide_jusqu_au` ({to:yyyy-MM-dd}) est antérieure à `valide_du` ({from:yyyy-MM-dd}).");
        }
        else if (jusquAu is { } end && end < today)
        {
            _bag.Warning(DiagnosticCodes.ExpiredOffer, At(Node(OfferKeys.ValideJusquAu)!),
                $"Offre expirée depuis le {end:yyyy-MM-dd} : elle n'apparaît plus dans la recherche. Prolongez `valide_jusqu_au` ou passez `statut` à archive.");
        }
    }

    private void CheckConsistency(string[] modes, OfferContact? contact, Uri? lien)
    {
        var at = Node(OfferKeys.ModesMobilisation) is { } n ? At(n) : SourceLocation.File;
        if (modes.Contains("utiliser-lien-mobilisation") && lien is null)
        {
            _bag.Warning(DiagnosticCodes.Inconsistency, at, "`modes_mobilisation` cite « utiliser-lien-mobilisation » mais `lien_mobilisation` est absent.");
        }

        if (modes.Contains("telephoner") && contact?.Telephone is null)
        {
            _bag.Warning(DiagnosticCodes.Inconsistency, at, "`modes_mobilisation` cite « telephoner » mais `contact.telephone` est absent.");
        }

        if (modes.Contains("envoyer-un-courriel") && contact?.Courriel is null)
        {
            _bag.Warning(DiagnosticCodes.Inconsistency, at, "`modes_mobilisation` cite « envoyer-un-courriel » mais `contact.courriel` est absent.");
        }
    }

    private OfferContact? BindContact()
    {
        var node = Node(OfferKeys.Contact);
        if (node is null || (node is YamlScalarNode s && YamlText.ScalarValue(s) is null))
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            _bag.Error(DiagnosticCodes.WrongType, At(node), "`contact` doit regrouper des clés (nom, telephone, courriel, site), pas " + Describe(node) + ".");
            return null;
        }

        CheckKeys(map, OfferKeys.ContactKeys, "`contact`");
        var telephone = Text(map, "telephone", required: false, repeats: true);
        if (telephone is not null && !IsFrenchPhone(telephone))
        {
            _bag.Error(DiagnosticCodes.InvalidPhone, At(Node(map, "telephone")!),
                $"`contact.telephone` : « {telephone} » n'est pas un numéro français (exemples : 01 99 00 12 34, +33 1 99 00 12 34, 115).");
        }

        var courriel = Text(map, "courriel", required: false, repeats: true);
        if (courriel is not null && !EmailPattern().IsMatch(courriel))
        {
            _bag.Error(DiagnosticCodes.InvalidEmail, At(Node(map, "courriel")!), $"`contact.courriel` : « {courriel} » n'est pas une adresse électronique valide.");
        }

        return new OfferContact
        {
            Nom = Text(map, "nom", required: false, repeats: true),
            Telephone = telephone,
            Courriel = courriel,
            Site = Url("contact.site", Node(map, "site"), "contact.site"),
        };
    }

    private Uri? Url(string key, YamlNode? node, string label)
    {
        if (node is null || (node is YamlScalarNode s0 && YamlText.ScalarValue(s0) is null))
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            _bag.Error(DiagnosticCodes.WrongType, At(node), $"`{key}` doit être une adresse web, pas {Describe(node)}.");
            return null;
        }

        var text = YamlText.ScalarValue(scalar)!.Trim();
        var problem = WebAddress.Check(text, out var uri);
        if (problem != WebAddress.Problem.None)
        {
            _bag.Error(problem == WebAddress.Problem.NotHttps ? DiagnosticCodes.InsecureLink : DiagnosticCodes.InvalidUrl, At(node), WebAddress.Explain(problem, $"`{label}`", text));
            return null;
        }

        return uri;
    }

    private List<OfferPlace> BindPlaces()
    {
        var result = new List<OfferPlace>();
        var node = Node(OfferKeys.Lieux);
        if (node is null || (node is YamlScalarNode s && YamlText.ScalarValue(s) is null))
        {
            return result;
        }

        if (node is not YamlSequenceNode sequence)
        {
            _bag.Error(DiagnosticCodes.WrongType, At(node), "`lieux` doit être une liste de lieux (chaque lieu commence par « - nom: … »).");
            return result;
        }

        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode map)
            {
                _bag.Error(DiagnosticCodes.WrongType, At(item), "`lieux` : chaque lieu doit regrouper des clés (nom, adresse, code_postal, commune, code_insee, horaires…).");
                continue;
            }

            result.Add(BindPlace(map));
        }

        return result;
    }

    private OfferPlace BindPlace(YamlMappingNode map)
    {
        CheckKeys(map, OfferKeys.PlaceKeys, "un lieu");
        var codePostal = Text(map, "code_postal", required: false, repeats: true);
        if (codePostal is not null && !PostalCodePattern().IsMatch(codePostal))
        {
            _bag.Error(DiagnosticCodes.InvalidPostalCode, At(Node(map, "code_postal")!), $"`lieux.code_postal` : « {codePostal} » n'est pas un code postal (5 chiffres, entre guillemets : \"45000\").");
        }

        var codeInsee = Text(map, "code_insee", required: false, repeats: true);
        if (codeInsee is not null)
        {
            var at = At(Node(map, "code_insee")!);
            if (_refs.Territories.Classify(codeInsee) != TerritoryKind.Commune)
            {
                _bag.Error(DiagnosticCodes.InvalidTerritoryCode, at, $"`lieux.code_insee` : « {codeInsee} » n'est pas un code INSEE de commune (5 caractères, ex. \"45234\" ou \"2A004\").");
            }
            else if (_refs.Territories.Communes.TryGetValue(codeInsee, out var commune))
            {
                if (codePostal is not null && commune.CodesPostaux.Count > 0 && !commune.CodesPostaux.Contains(codePostal))
                {
                    _bag.Warning(DiagnosticCodes.Inconsistency, at, $"`lieux` : le code postal {codePostal} ne correspond pas à {commune.Nom} ({string.Join(", ", commune.CodesPostaux)}).");
                }
            }
            else if (!_refs.Territories.IsEmpty)
            {
                _bag.Error(DiagnosticCodes.UnknownTerritory, at, $"`lieux.code_insee` : aucune commune n'a le code INSEE « {codeInsee} » dans le Code officiel géographique.");
            }
        }

        var horaires = Text(map, "horaires", required: false, repeats: true);
        OpeningHours? hours = null;
        if (horaires is not null && !OpeningHoursParser.TryParse(horaires, out hours, out var error))
        {
            _bag.Error(DiagnosticCodes.InvalidOpeningHours, At(Node(map, "horaires")!), $"`lieux.horaires` : {error}.");
        }

        return new OfferPlace
        {
            Nom = Text(map, "nom", required: false, repeats: true),
            Adresse = Text(map, "adresse", required: false, repeats: true),
            CodePostal = codePostal,
            Commune = Text(map, "commune", required: false, repeats: true),
            CodeInsee = codeInsee,
            Horaires = horaires,
            OpeningHours = hours,
            Latitude = Coordinate(map, "latitude", 90),
            Longitude = Coordinate(map, "longitude", 180),
        };
    }

    private double? Coordinate(YamlMappingNode map, string key, double limit)
    {
        var text = Text(map, key, required: false);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) > limit)
        {
            _bag.Error(DiagnosticCodes.InvalidCoordinates, At(Node(map, key)!),
                string.Create(CultureInfo.InvariantCulture, $"`lieux.{key}` : « {text} » doit être un nombre décimal entre -{limit} et {limit}, avec un point (ex. 47.9029)."));
            return null;
        }

        return value;
    }

    /// <summary>Whether a phone number is French: 10 digits from 0, +33 with 9 digits, or a 3–4 digit short number.</summary>
    internal static bool IsFrenchPhone(string text) =>
        ShortNumberPattern().IsMatch(text.Trim()) || PhonePattern().IsMatch(SeparatorPattern().Replace(text, string.Empty));

    // Short numbers (115, 3949) are written as such; « 12 34 » is a truncated number, not a short one.
    [GeneratedRegex("^[0-9]{3,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortNumberPattern();

    [GeneratedRegex(@"^(0[1-9][0-9]{8}|\+33[1-9][0-9]{8}|\+33\(0\)[1-9][0-9]{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[\s.\-]", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^(?!00)[0-9]{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCodePattern();
}
