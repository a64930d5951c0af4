using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Referrals.Core.Persistence;

/// <summary>
/// A query compiled with <c>EF.CompileAsyncQuery</c> once per model. EF Core refuses to run a compiled query against
/// another model than the one it was first compiled for, and one process may hold several (one per provider, each with
/// its compiled model; tests run SQLite and PostgreSQL side by side). Models are held weakly.
/// </summary>
/// <typeparam name="TQuery">The delegate <c>EF.CompileAsyncQuery</c> returns.</typeparam>
internal sealed class CompiledPerModel<TQuery>
    where TQuery : class
{
    private readonly Func<TQuery> _compile;
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    /// <summary>Creates the holder; <paramref name="compile"/> runs once per model, on first use.</summary>
    public CompiledPerModel(Func<TQuery> compile)
    {
        _compile = compile;
    }

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => _compile());
}
