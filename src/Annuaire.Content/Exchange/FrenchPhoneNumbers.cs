using PhoneNumbers;

namespace Annuaire.Content.Exchange;

/// <summary>
/// Phone numbers of metropolitan France and the overseas territories, as editors write them
/// (« 0262 12 34 56 », « 01 99 00 12 34 ») and as data·inclusion expects them (E.164,
/// « +262262123456 »). A number written nationally is tried against each French numbering
/// plan, metropolitan first: 0262/0692 is Réunion, 0269/0639 Mayotte, 0590/0690 Guadeloupe,
/// Saint-Barthélemy and Saint-Martin, 0596/0696 Martinique, 0594/0694 Guyane.
/// </summary>
public static class FrenchPhoneNumbers
{
    /// <summary>
    /// Regions sharing the French national prefix 0, overseas first: libphonenumber's plan for
    /// metropolitan France also accepts some 0269 and 0596 numbers.
    /// </summary>
    public static IReadOnlyList<string> Regions { get; } = ["RE", "YT", "GP", "MQ", "GF", "BL", "MF", "PM", "FR"];

    // National prefixes (after the 0) of the overseas plans: such a number is never metropolitan.
    private static readonly string[] OverseasPrefixes = ["262", "263", "269", "508", "590", "594", "596", "639", "690", "691", "692", "693", "694", "696", "697"];

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The E.164 form of <paramref name="phone"/>. Short numbers (115, 3949) are kept as digits;
    /// a number valid in no French plan but with the length of one (the ranges reserved for
    /// fiction, 01 99 00 …) is read as metropolitan; anything else comes back unchanged.
    /// </summary>
    public static string ToE164(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var trimmed = phone.Trim();
        if (trimmed.Length is >= 3 and <= 4 && trimmed.All(char.IsAsciiDigit))
        {
            return trimmed;
        }

        if (Parse(trimmed) is { } number)
        {
            return Util.Format(number, PhoneNumberFormat.E164);
        }

        // The fiction ranges (01 99 00 …) are not in libphonenumber's plan.
        return TryParse(trimmed, "FR") is { CountryCode: 33 } possible && Util.IsPossibleNumber(possible) && !IsOverseasAsMetropolitan(possible)
            ? Util.Format(possible, PhoneNumberFormat.E164)
            : trimmed;
    }

    /// <summary>
    /// The national form an editor would write (« 0262 12 34 56 », « 01 99 00 12 34 ») of a
    /// French or overseas E.164 number; other numbers come back unchanged.
    /// </summary>
    public static string ToNational(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var trimmed = phone.Trim();
        if (!trimmed.StartsWith('+'))
        {
            return trimmed;
        }

        var number = TryParse(trimmed, "FR");
        if (number is null)
        {
            return trimmed;
        }

        var region = Util.GetRegionCodeForNumber(number);
        var french = Regions.Contains(region) || (number.CountryCode == 33 && Util.IsPossibleNumber(number));
        return french ? Util.Format(number, PhoneNumberFormat.NATIONAL) : trimmed;
    }

    /// <summary>The number as valid in one of the French <see cref="Regions"/>, or null.</summary>
    public static PhoneNumber? Parse(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        foreach (var region in Regions)
        {
            if (TryParse(phone, region) is { } number && Util.IsValidNumber(number) && Regions.Contains(Util.GetRegionCodeForNumber(number)))
            {
                return IsOverseasAsMetropolitan(number) ? null : number;
            }
        }

        return null;
    }

    // An overseas number that no overseas plan accepted must not become +33.
    private static bool IsOverseasAsMetropolitan(PhoneNumber number) =>
        number.CountryCode == 33 && OverseasPrefixes.Any(p => number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture).StartsWith(p, StringComparison.Ordinal));

    private static PhoneNumber? TryParse(string phone, string region)
    {
        try
        {
            return Util.Parse(phone, region);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
