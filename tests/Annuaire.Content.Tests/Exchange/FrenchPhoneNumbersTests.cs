using Annuaire.Content.Exchange;

namespace Annuaire.Content.Tests.Exchange;

public sealed class FrenchPhoneNumbersTests
{
    [Theory]
    [InlineData("01 99 00 12 34", "+33199001234")]
    [InlineData("+33 1 99 00 12 34", "+33199001234")]
    [InlineData("+33 (0)1 99 00 12 34", "+33199001234")]
    [InlineData("01.44.55.66.77", "+33144556677")]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("0262 12 34 56", "+262262123456")]
    [InlineData("0692 12 34 56", "+262692123456")]
    [InlineData("0269 61 23 45", "+262269612345")]
    [InlineData("0639 21 23 45", "+262639212345")]
    [InlineData("0590 12 34 56", "+590590123456")]
    [InlineData("0690 12 34 56", "+590690123456")]
    [InlineData("0596 60 12 34", "+596596601234")]
    [InlineData("0696 12 34 56", "+596696123456")]
    [InlineData("0594 30 12 34", "+594594301234")]
    [InlineData("0694 20 12 34", "+594694201234")]
    [InlineData("115", "115")]
    [InlineData("3949", "3949")]
    public void ToE164_WhenFrenchOrOverseasNumber_ReturnsInternationalForm(string input, string expected) =>
        Assert.Equal(expected, FrenchPhoneNumbers.ToE164(input));

    [Theory]
    [InlineData("0596 00 00 00")]
    [InlineData("+32 2 123 45 67")]
    [InlineData("pas un numéro")]
    public void ToE164_WhenNotAValidFrenchNumber_NeverInventsAPlus33(string input) =>
        Assert.DoesNotContain("+33", FrenchPhoneNumbers.ToE164(input), StringComparison.Ordinal);

    [Theory]
    [InlineData("+33199001234", "01 99 00 12 34")]
    [InlineData("+262262123456", "0262 12 34 56")]
    [InlineData("+590590123456", "0590 12 34 56")]
    [InlineData("+596596601234", "0596 60 12 34")]
    [InlineData("+32 2 123 45 67", "+32 2 123 45 67")]
    [InlineData("115", "115")]
    public void ToNational_WhenE164_ReturnsTheFormEditorsWrite(string input, string expected) =>
        Assert.Equal(expected, FrenchPhoneNumbers.ToNational(input));
}
