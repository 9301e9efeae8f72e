using System.ComponentModel.DataAnnotations;

namespace Annuaire.Web.Services;

/// <summary>
/// Who publishes and hosts the site (section <c>Annuaire:Publisher</c>), shown on the legal
/// notice, the accessibility statement and the personal data page. Each deployment sets its own;
/// the defaults describe the demonstration site.
/// </summary>
public sealed class PublisherOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Annuaire:Publisher";

    /// <summary>Publishing body (« Département du Loiret, direction de l'insertion »).</summary>
    [Required]
    public string Name { get; set; } = "Équipe de l'Annuaire des offres de service (site de démonstration)";

    /// <summary>Postal address of the publisher.</summary>
    [Required]
    public string PostalAddress { get; set; } = "Adresse fictive — 1 rue de l'Exemple, 45000 Orléans";

    /// <summary>Contact address for accessibility and personal data requests.</summary>
    [Required]
    [EmailAddress]
    public string Email { get; set; } = "contact@annuaire.example.org";

    /// <summary>Director of publication (a role or a name).</summary>
    [Required]
    public string PublicationDirector { get; set; } = "Le directeur ou la directrice de l'insertion de l'organisme éditeur";

    /// <summary>Hosting provider's name.</summary>
    [Required]
    public string HostName { get; set; } = "Hébergeur à préciser par l'organisme qui déploie le site";

    /// <summary>Hosting provider's address.</summary>
    [Required]
    public string HostAddress { get; set; } = "Adresse de l'hébergeur à préciser";

    /// <summary>How long the web server's access logs (which hold IP addresses) are kept, in days.</summary>
    [Range(1, 365)]
    public int AccessLogRetentionDays { get; set; } = 30;
}
