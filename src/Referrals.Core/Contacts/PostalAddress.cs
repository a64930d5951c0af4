namespace Referrals.Core.Contacts;

/// <summary>A postal address as given (checkout, booking form, thank-you card). Any part may be missing.</summary>
/// <param name="Line1">Street and house number, for example <c>Nørregade 12</c>.</param>
/// <param name="Line2">Apartment, floor, building or c/o; often empty.</param>
/// <param name="City">City or town.</param>
/// <param name="PostalCode">Postal or ZIP code.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 country code, for example <c>DK</c>.</param>
public sealed record PostalAddress(string? Line1, string? Line2, string? City, string? PostalCode, string? CountryCode);
