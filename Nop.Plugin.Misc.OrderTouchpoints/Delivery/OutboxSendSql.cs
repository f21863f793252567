using LinqToDB.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using static Nop.Plugin.Misc.OrderTouchpoints.Delivery.OutboxEnqueueSql;

namespace Nop.Plugin.Misc.OrderTouchpoints.Delivery;

/// <summary>
/// A send's two writes, its claim and its result, as one UPDATE each in the provider's SQL. linq2db rebuilds the SQL
/// of its own UPDATEs on every call (an id list, or a nullable comparison, makes a statement parameter-dependent),
/// which cost more client CPU than the round trip: 344-361 deliveries/s against 560-578/s with these
/// (BENCHMARKS.md). A null value is written as NULL, not as an untyped null parameter.
/// </summary>
internal static class OutboxSendSql
{
    private const int Pending = (int)DeliveryStatus.Pending;
    private const int InProgress = (int)DeliveryStatus.InProgress;

    /// <summary>
    /// The claim of <paramref name="ids"/>: each row still due (or whose send lease ran out) at <paramref name="nowUtc"/>
    /// is being sent under <paramref name="claimToken"/> until <paramref name="untilUtc"/>, its attempt counted. The
    /// database re-checks the condition under each row's lock, so rows another node took in between are not affected.
    /// </summary>
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

    /// <summary>
    /// The result of one attempt, written only under the claim that made it (a row another node took over, or that the
    /// GDPR erase skipped, is not touched). Times are on the database's clock.
    /// </summary>
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
        // Only a delivery moves the row's state; other results keep the last one.
        if (delivered)
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
