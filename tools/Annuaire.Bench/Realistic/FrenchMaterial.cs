namespace Annuaire.Bench.Realistic;

/// <summary>
/// Sentence material of French social-services and administrative writing: service names per
/// thématique family, actors, actions, publics, conditions, documents and practical details. The
/// generator combines them (several million distinct sentences) so that bodies are varied text,
/// not one repeated paragraph.
/// </summary>
internal static class FrenchMaterial
{
    /// <summary>Title heads per data·inclusion family key.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Services = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["choisir-un-metier"] = ["Découverte des métiers", "Bilan de compétences", "Immersion en entreprise", "Période de mise en situation professionnelle", "Forum des métiers", "Conseil en évolution professionnelle", "Atelier d'orientation professionnelle"],
        ["creer-une-entreprise"] = ["Accompagnement à la création d'entreprise", "Couveuse d'entreprises", "Microcrédit professionnel", "Aide au démarrage d'activité", "Permanence de la chambre des métiers", "Coopérative d'activité et d'emploi"],
        ["difficultes-administratives-ou-juridiques"] = ["Aide aux démarches administratives", "Point justice", "Accès aux droits sociaux", "Écrivain public", "Permanence juridique gratuite", "Aide à la constitution des dossiers", "Médiation avec les administrations", "France services"],
        ["difficultes-financieres"] = ["Point conseil budget", "Aide financière d'urgence", "Microcrédit personnel", "Accompagnement au surendettement", "Secours exceptionnel", "Mesure d'accompagnement social personnalisé", "Aide au paiement des factures d'énergie"],
        ["equipement-et-alimentation"] = ["Épicerie sociale et solidaire", "Aide alimentaire", "Vestiaire solidaire", "Colis alimentaires", "Ressourcerie et équipement du logement", "Bons alimentaires d'urgence", "Restaurant social"],
        ["famille"] = ["Garde d'enfants en horaires décalés", "Lieu d'accueil enfants-parents", "Soutien à la parentalité", "Médiation familiale", "Accueil de jour pour les victimes de violences", "Relais petite enfance", "Aide aux aidants familiaux"],
        ["lecture-ecriture-calcul"] = ["Ateliers sociolinguistiques", "Cours de français langue étrangère", "Remise à niveau en lecture et écriture", "Lutte contre l'illettrisme", "Ateliers de calcul du quotidien"],
        ["logement-hebergement"] = ["Hébergement d'urgence", "Fonds de solidarité pour le logement", "Accompagnement social lié au logement", "Prévention des expulsions locatives", "Résidence sociale pour jeunes travailleurs", "Centre d'hébergement et de réinsertion sociale", "Aide à l'accès au logement", "Logement temporaire", "Maison relais"],
        ["mobilite"] = ["Aide au permis de conduire", "Location solidaire de scooters", "Garage solidaire", "Transport à la demande", "Plateforme mobilité", "Auto-école sociale", "Covoiturage solidaire", "Aide au carburant", "Location de voitures sans permis", "Prêt de vélos électriques"],
        ["numerique"] = ["Ateliers numériques", "Conseiller numérique", "Accès à un ordinateur et à internet", "Aide aux démarches en ligne", "Équipement informatique reconditionné", "Initiation à la messagerie électronique"],
        ["preparer-sa-candidature"] = ["Atelier CV et lettre de motivation", "Préparation aux entretiens d'embauche", "Club de recherche d'emploi", "Simulation d'entretien", "Valorisation des compétences"],
        ["remobilisation"] = ["Chantier d'insertion", "Ateliers de remobilisation", "Estime de soi et confiance", "Accompagnement socio-professionnel renforcé", "Parcours d'insertion par l'activité", "Activités sportives et culturelles d'insertion"],
        ["sante"] = ["Consultations en addictologie", "Centre médico-psychologique", "Permanence d'accès aux soins de santé", "Bilan de santé gratuit", "Complémentaire santé solidaire", "Soutien psychologique", "Point écoute jeunes"],
        ["se-former"] = ["Formation qualifiante", "Préparation opérationnelle à l'emploi", "Formation aux savoirs de base", "Validation des acquis de l'expérience", "Formation en alternance", "École de la deuxième chance"],
        ["souvrir-a-linternational"] = ["Mobilité européenne des jeunes", "Volontariat international", "Stage à l'étranger", "Service civique européen"],
        ["trouver-un-emploi"] = ["Accompagnement vers l'emploi", "Accompagnement global", "Contrat d'engagement jeune", "Job dating", "Plan local pour l'insertion et l'emploi", "Parrainage vers l'emploi", "Recrutement par simulation", "Emplois saisonniers", "Accompagnement intensif des jeunes"],
    };

    public static readonly string[] Qualifiers =
    [
        "pour les jeunes de 16 à 25 ans", "pour les demandeurs d'emploi", "pour les allocataires du RSA", "pour les familles monoparentales",
        "pour les seniors", "pour les personnes en situation de handicap", "en milieu rural", "dans les quartiers prioritaires",
        "pour les salariés en insertion", "pour les femmes isolées", "en horaires décalés", "sans rendez-vous", "sur rendez-vous",
        "pour les travailleurs saisonniers", "pour les étudiants", "pour les personnes exilées", "à domicile", "en ligne et en agence",
        "pour les aidants", "pour les bénéficiaires de l'AAH",
    ];

    public static readonly string[] Actors =
    [
        "Le conseiller France Travail", "La travailleuse sociale du Département", "L'assistant de service social", "Le conseiller en insertion professionnelle",
        "La conseillère en économie sociale et familiale", "Le référent RSA", "L'équipe de la mission locale", "Le bénévole de l'association",
        "La coordinatrice du dispositif", "Le médiateur numérique", "L'éducateur spécialisé", "La chargée d'accueil du CCAS",
        "Le formateur", "L'infirmière du centre de santé", "Le psychologue", "La juriste de permanence", "Le conseiller budgétaire",
        "L'animateur du point d'accueil", "La puéricultrice de la PMI", "Le chargé de relations entreprises",
    ];

    public static readonly string[] Actions =
    [
        "accompagne", "reçoit en entretien individuel", "oriente", "aide", "conseille", "informe", "soutient", "suit pendant six mois",
        "rencontre chaque semaine", "guide pas à pas", "reçoit sans rendez-vous", "accueille en petit groupe", "rappelle sous quarante-huit heures",
    ];

    public static readonly string[] Publics =
    [
        "les demandeurs d'emploi de longue durée", "les jeunes sortis du système scolaire sans diplôme", "les bénéficiaires du revenu de solidarité active",
        "les familles en difficulté", "les personnes âgées isolées", "les parents d'enfants de moins de six ans", "les locataires en impayé de loyer",
        "les personnes sans domicile stable", "les travailleurs pauvres", "les salariés à temps partiel", "les personnes en situation de handicap",
        "les habitants des communes rurales", "les femmes victimes de violences", "les étudiants boursiers", "les personnes réfugiées",
        "les créateurs d'entreprise", "les retraités aux revenus modestes", "les apprentis", "les allocataires de l'allocation adulte handicapé",
        "les personnes sortant d'hospitalisation",
    ];

    public static readonly string[] Goals =
    [
        "dans leurs démarches d'accès aux droits", "dans la recherche d'un logement adapté", "pour retrouver un emploi durable",
        "pour préparer un projet de formation", "pour obtenir le permis de conduire", "dans la gestion de leur budget",
        "pour constituer un dossier de surendettement", "pour accéder aux soins", "pour lever les freins à la reprise d'activité",
        "dans l'utilisation des services en ligne", "pour trouver un mode de garde", "pour se maintenir dans leur logement",
        "pour sortir de l'isolement", "pour faire valoir leurs droits à la retraite", "pour ouvrir leurs droits à la complémentaire santé solidaire",
        "pour créer leur activité", "pour rembourser une dette de loyer", "pour se déplacer vers leur lieu de travail",
        "pour apprendre le français", "pour préparer un entretien d'embauche",
    ];

    public static readonly string[] Conditions =
    [
        "Il faut résider dans le département depuis au moins trois mois", "Les ressources du foyer ne doivent pas dépasser le plafond fixé par le règlement intérieur",
        "Une orientation par un travailleur social est nécessaire", "L'inscription comme demandeur d'emploi est obligatoire",
        "Le quotient familial doit être inférieur à 800 euros", "La demande doit être déposée avant la signature du contrat",
        "Aucune condition de ressources n'est demandée", "Le dispositif est réservé aux personnes de moins de 26 ans",
        "Un justificatif de domicile de moins de trois mois est demandé", "La personne doit être volontaire et disponible",
        "Le bénéficiaire s'engage à suivre l'accompagnement jusqu'à son terme", "L'aide ne peut être accordée qu'une fois par période de douze mois",
        "La commission se réunit chaque mois pour examiner les dossiers", "Un reste à charge peut être demandé selon la situation",
        "Le demandeur doit être titulaire d'un titre de séjour en cours de validité",
    ];

    public static readonly string[] Documents =
    [
        "une pièce d'identité", "un justificatif de domicile", "le dernier avis d'imposition", "les trois derniers bulletins de salaire",
        "l'attestation de la CAF", "un relevé d'identité bancaire", "le contrat de location", "la quittance de loyer", "l'attestation France Travail",
        "le certificat de scolarité", "le livret de famille", "le devis de l'auto-école", "la notification de la MDPH", "le dernier relevé de compte",
        "l'échéancier des dettes", "le titre de séjour",
    ];

    public static readonly string[] Practical =
    [
        "L'accueil a lieu du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h.", "Une permanence est assurée le mardi matin à la mairie.",
        "Les ateliers se déroulent en petits groupes de six à huit personnes.", "Le service est gratuit et confidentiel.",
        "Un interprète peut être mobilisé sur demande.", "Les locaux sont accessibles aux personnes à mobilité réduite.",
        "Le premier rendez-vous dure environ une heure.", "Une réponse est donnée dans un délai de quinze jours.",
        "Les frais de transport peuvent être remboursés sur présentation des justificatifs.", "Le dispositif est financé par le Département et l'État.",
        "Une participation symbolique de deux euros est demandée.", "Les dossiers incomplets ne peuvent pas être examinés.",
        "Un bilan est réalisé à mi-parcours avec le référent.", "La prise en charge peut être renouvelée une fois.",
        "Les rendez-vous peuvent avoir lieu par téléphone ou en visioconférence.", "Une attestation de participation est remise à la fin du parcours.",
    ];

    public static readonly string[] Headings =
    [
        "Pour qui ?", "Comment en bénéficier ?", "Ce que propose le service", "Pièces à fournir", "Bon à savoir", "Déroulement",
        "Conditions d'accès", "Contacts et permanences", "Montant de l'aide", "Après l'accompagnement",
    ];

    public static readonly string[] Connectors =
    [
        "Par ailleurs,", "En complément,", "Dans certains cas,", "Si nécessaire,", "À l'issue du premier entretien,", "Le cas échéant,",
        "En lien avec les partenaires du territoire,", "Pendant toute la durée du parcours,", "Dès la première rencontre,", "Selon la situation,",
    ];

    /// <summary>Where in a territory an offer is delivered: titles of the same service differ by site.</summary>
    public static readonly string[] Sites =
    [
        "agence", "antenne", "maison France services", "centre social", "permanence", "point d'accueil", "espace solidarité", "CCAS",
        "mairie annexe", "maison de quartier", "médiathèque", "maison des solidarités", "centre médico-social", "résidence", "tiers-lieu",
    ];

    public static readonly string[] Quarters =
    [
        "Nord", "Sud", "Est", "Ouest", "Centre-ville", "Gare", "des Blossières", "de La Source", "du Val", "des Chaises", "Saint-Marceau",
        "Madeleine", "du Lac", "des Prés", "du Château", "de la Forêt", "du Port", "des Vignes", "Bourg", "Montagne", "des Peupliers",
        "Jean-Jaurès", "Victor-Hugo", "Pasteur", "Liberté", "République", "des Tilleuls", "du Moulin", "Plaine", "Côteaux",
    ];

    public static readonly string[] Extras = ["urgent", "gratuit", "rapide", "aide", "dossier", "rendez-vous", "permanence", "financement", "accompagnement", "jeunes", "famille"];
}
