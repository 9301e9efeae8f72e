namespace Annuaire.Content.Scheduling;

/// <summary>One opening in local (Paris) time.</summary>
/// <param name="Opens">When it opens.</param>
/// <param name="Closes">When it closes (exclusive).</param>
/// <param name="Unconfirmed">On a public holiday the hours say nothing about.</param>
public readonly record struct OpeningInterval(DateTime Opens, DateTime Closes, bool Unconfirmed);
