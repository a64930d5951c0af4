namespace Referrals.Testing.Engine;

/// <summary>
/// Holds the harness's reward issuer inside its call, so a race test can run other work while a payout is on its way:
/// <see cref="Entered"/> completes when the issuer is called, and the call returns once <see cref="Release"/> completes.
/// </summary>
public sealed class IssuerGate
{
    private IssuerGate()
    {
    }

    /// <summary>Completes when the issuer has been called.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Complete it to let the held call return.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes every later call of <paramref name="issuer"/> wait for the returned gate's <see cref="Release"/>.</summary>
    public static IssuerGate Hold(RecordingRewardIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var gate = new IssuerGate();
        issuer.OnIssue = async _ =>
        {
            gate.Entered.TrySetResult();
            await gate.Release.Task;
        };
        return gate;
    }
}
