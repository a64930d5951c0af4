using System.Diagnostics.CodeAnalysis;

namespace Referrals.Core.Satisfaction;

/// <summary>The result of <see cref="RatingLinkSigner.Verify"/>: a status and, when valid, the token's content.</summary>
public sealed class RatingTokenVerification
{
    private RatingTokenVerification(RatingTokenStatus status, RatingToken? token)
    {
        Status = status;
        Token = token;
    }

    /// <summary>Why the token was accepted or refused.</summary>
    public RatingTokenStatus Status { get; }

    /// <summary>The verified content; set only when <see cref="Status"/> is <see cref="RatingTokenStatus.Valid"/>.</summary>
    public RatingToken? Token { get; }

    /// <summary>Whether the token is valid; when true, <see cref="Token"/> is not null.</summary>
    [MemberNotNullWhen(true, nameof(Token))]
    public bool IsValid => Status == RatingTokenStatus.Valid;

    internal static RatingTokenVerification Valid(RatingToken token) => new(RatingTokenStatus.Valid, token);

    internal static RatingTokenVerification Failed(RatingTokenStatus status) => new(status, null);

    /// <inheritdoc />
    public override string ToString() => Token is null ? Status.ToString() : $"{Status}: ask {Token.AskId}, score {Token.Score}";
}
