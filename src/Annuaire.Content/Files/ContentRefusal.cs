namespace Annuaire.Content.Files;

/// <summary>Why a content entry is not read: a diagnostic code and a French message for the editor.</summary>
/// <param name="Code">One of <see cref="Diagnostics.DiagnosticCodes"/>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ContentRefusal(string Code, string Message);
