namespace Hotline.Core.Security;

/// <summary>A newly issued key: <see cref="Plaintext"/> is shown once and never stored.</summary>
public sealed record ApiKeyIssued(ApiKey Key, string Plaintext);
