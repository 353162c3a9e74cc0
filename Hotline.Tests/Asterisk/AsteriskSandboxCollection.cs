namespace Hotline.Tests.Asterisk;

/// <summary>The tests that drive the one sandbox Asterisk run one after another.</summary>
[CollectionDefinition(nameof(AsteriskSandbox))]
public sealed class AsteriskSandboxCollection;
