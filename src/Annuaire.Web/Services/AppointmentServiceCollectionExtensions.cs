using Annuaire.Content.Scheduling;

namespace Annuaire.Web.Services;

/// <summary>Registrations of what advisers use during an appointment: opening status, QR codes, search gaps.</summary>
public static class AppointmentServiceCollectionExtensions
{
    /// <summary>Adds the holiday calendar, the opening clock, the QR codes and the search-gap counts.</summary>
    public static IServiceCollection AddAppointmentTools(this IServiceCollection services)
    {
        services.AddSingleton<IHolidayCalendar, FrenchHolidayCalendar>();
        services.AddSingleton<OpeningClock>();
        services.AddSingleton<QrCodes>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<SearchGaps>();
        return services;
    }
}
