using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using static Nop.Plugin.Misc.OrderTouchpoints.Delivery.OutboxEnqueueSql;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// The claim and the result as one UPDATE each in the provider's SQL: linq2db rebuilds the SQL of a parameter-dependent
/// statement (an id list, a nullable comparison) on every call, which cost more CPU than the round trip (BENCHMARKS.md).
/// </summary>
internal static class OutboxSendSql
{
    private const int Pending = (int)DeliveryStatus.Pending;
    private const int InProgress = (int)DeliveryStatus.InProgress;

    /// <summary>Each of <paramref name="ids"/> still due (or its send lease run out) is sent under the claim, its attempt counted.</summary>
    public static (string Sql, DataParameter[] Parameters) Claim(Dialect dialect, IReadOnlyList<int> ids, Guid claimToken, DateTime nowUtc,
        DateTime untilUtc, string node)
    {
        string Quote(string name) => QuoteName(dialect, name);
        var parameters = new List<DataParameter>
        {
            DataParameter.Guid("ClaimToken", claimToken),
            DataParameter.DateTime2("NowUtc", nowUtc),
            DataParameter.DateTime2("UntilUtc", untilUtc),
            DataParameter.NVarChar("Node", node)
        };
        parameters.AddRange(ids.Select((id, i) => DataParameter.Int32("Id" + i, id)));
        var sql = $"UPDATE {Quote(OutboxTableMigration.TableName)} SET {Quote("StatusId")} = {InProgress}, {Quote("ClaimToken")} = @ClaimToken, "
            + $"{Quote("ClaimExpiresOnUtc")} = @UntilUtc, {Quote("Attempts")} = {Quote("Attempts")} + 1, "
            + $"{Quote("FirstAttemptOnUtc")} = COALESCE({Quote("FirstAttemptOnUtc")}, @NowUtc), {Quote("VendorKey")} = NULL, {Quote("SentByNode")} = @Node "
            + $"WHERE {Quote("Id")} IN ({string.Join(", ", ids.Select((_, i) => "@Id" + i))}) "
            + $"AND (({Quote("StatusId")} = {Pending} AND {Quote("NextAttemptOnUtc")} <= @NowUtc) "
            + $"OR ({Quote("StatusId")} = {InProgress} AND {Quote("ClaimExpiresOnUtc")} <= @NowUtc))";
        return (sql, parameters.ToArray());
    }

    /// <summary>One attempt's result, written only under the claim that made it; times on the database's clock.</summary>
    public static (string Sql, DataParameter[] Parameters) Result(Dialect dialect, AttemptResult result, string? reason, DateTime attemptedOnUtc,
        DateTime nextAttemptOnUtc)
    {
        string Quote(string name) => QuoteName(dialect, name);
        var parameters = new List<DataParameter>
        {
            DataParameter.Int32("Id", result.DeliveryId),
            DataParameter.Guid("ClaimToken", result.ClaimToken),
            DataParameter.Int32("StatusId", (int)result.Status),
            DataParameter.Int32("GivenBack", result.Counted ? 0 : 1),
            DataParameter.DateTime2("AttemptedOnUtc", attemptedOnUtc)
        };
        var finished = result.Status != DeliveryStatus.Pending;
        var delivered = result.Status == DeliveryStatus.Delivered;
        var sets = new List<string>
        {
            $"{Quote("StatusId")} = @StatusId",
            $"{Quote("Attempts")} = {Quote("Attempts")} - @GivenBack",
            $"{Quote("ClaimToken")} = NULL",
            $"{Quote("ClaimExpiresOnUtc")} = NULL",
            $"{Quote("LastAttemptOnUtc")} = @AttemptedOnUtc",
            $"{Quote("FinishedOnUtc")} = {(finished ? "@AttemptedOnUtc" : "NULL")}",
            $"{Quote("DeliveredOnUtc")} = {(delivered ? "@AttemptedOnUtc" : "NULL")}",
            Text("VendorKey", result.VendorKey),
            Text("LastReason", reason),
            result.HttpStatus is { } status ? Parameter("LastHttpStatus", DataParameter.Int32("LastHttpStatus", status)) : $"{Quote("LastHttpStatus")} = NULL"
        };
        // A delivery, or a failure whose answer was lost, records the state the post showed (or may have shown).
        if (delivered || result.Status == DeliveryStatus.Failed)
            sets.Add(Text("DeliveredState", result.DeliveredState));
        // A pending row's due time only: a finished row keeps the value it had.
        if (!finished)
            sets.Add(Parameter("NextAttemptOnUtc", DataParameter.DateTime2("NextAttemptOnUtc", nextAttemptOnUtc)));
        var sql = $"UPDATE {Quote(OutboxTableMigration.TableName)} SET {string.Join(", ", sets)} "
            + $"WHERE {Quote("Id")} = @Id AND {Quote("ClaimToken")} = @ClaimToken AND {Quote("StatusId")} = {InProgress}";
        return (sql, parameters.ToArray());

        string Text(string column, string? value) =>
            value is null ? $"{Quote(column)} = NULL" : Parameter(column, DataParameter.NVarChar(column, value));

        string Parameter(string column, DataParameter parameter)
        {
            parameters.Add(parameter);
            return $"{Quote(column)} = @{column}";
        }
    }
}
