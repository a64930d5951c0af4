namespace Referrals.Demo;

/// <summary>A step of the story did not end as it should; the message names what was expected and what was found.</summary>
internal sealed class DemoExpectationException : Exception
{
    public DemoExpectationException(string message)
        : base(message)
    {
    }

    public DemoExpectationException()
    {
    }

    public DemoExpectationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
