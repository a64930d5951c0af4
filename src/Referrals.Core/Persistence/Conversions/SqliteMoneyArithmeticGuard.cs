using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Referrals.Core.Persistence.Conversions;

/// <summary>
/// SQLite keeps money as scaled integers (<see cref="ScaledDecimalConverter"/>), which keeps comparisons, sorting and
/// SUM/MIN/MAX/AVG exact and native; but EF would scale the other operand of a multiplication or division too and
/// return wrong figures without a word. This guard refuses such queries with a clear error instead.
/// </summary>
internal sealed class SqliteMoneyArithmeticGuard : IQueryExpressionInterceptor
{
    public static readonly SqliteMoneyArithmeticGuard Instance = new();

    public const string Message =
        "On SQLite, money is stored as scaled integers, so a query must not multiply or divide a money column: the result would be wrong. "
        + "Load the rows or the sums and do that arithmetic in .NET. (Comparisons, sorting, +, - and SUM/MIN/MAX/AVG are fine.)";

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        new Finder().Visit(queryExpression);
        return queryExpression;
    }

    private sealed class Finder : ExpressionVisitor
    {
        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is ExpressionType.Multiply or ExpressionType.Divide or ExpressionType.Modulo
                && (ReadsMoneyColumn(node.Left) || ReadsMoneyColumn(node.Right)))
            {
                throw new NotSupportedException(Message);
            }

            return base.VisitBinary(node);
        }

        private static bool ReadsMoneyColumn(Expression expression) => expression switch
        {
            UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert => ReadsMoneyColumn(convert.Operand),
            BinaryExpression binary => ReadsMoneyColumn(binary.Left) || ReadsMoneyColumn(binary.Right),
            MemberExpression member => IsDecimal(member.Type) && IsRootedInQueryParameter(member.Expression),
            MethodCallExpression { Method.Name: nameof(EF.Property), Method.DeclaringType: var type } call when type == typeof(EF) => IsDecimal(call.Type),
            _ => false,
        };

        // A captured local (a closure field on a constant) is a parameter value, not a column.
        private static bool IsRootedInQueryParameter(Expression? expression) => expression switch
        {
            ParameterExpression => true,
            MemberExpression member => IsRootedInQueryParameter(member.Expression),
            UnaryExpression unary => IsRootedInQueryParameter(unary.Operand),
            _ => false,
        };

        private static bool IsDecimal(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(decimal);
    }
}
