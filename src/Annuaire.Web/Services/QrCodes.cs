using QRCoder;

namespace Annuaire.Web.Services;

/// <summary>QR codes of offer pages, drawn as SVG on the server (nothing fetched, nothing scripted).</summary>
public sealed class QrCodes
{
    /// <summary>An inline SVG of <paramref name="url"/>, scalable (view box), black on white, named for assistive technologies.</summary>
    public string Svg(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        var markup = svg.GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        return markup.Replace("<svg ", "<svg role=\"img\" aria-label=\"Code QR de la fiche en ligne\" ", StringComparison.Ordinal);
    }
}
