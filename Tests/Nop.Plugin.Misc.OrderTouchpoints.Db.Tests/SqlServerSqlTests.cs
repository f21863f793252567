using System.Text.RegularExpressions;
using System.Data;
using System.Data.Common;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.DataProvider.SqlServer;
using Microsoft.Data.SqlClient;
using Nop.Plugin.Misc.OrderTouchpoints.Data;
using Nop.Plugin.Misc.OrderTouchpoints.Delivery;
using Nop.Plugin.Misc.OrderTouchpoints.Tests.Support;

namespace Nop.Plugin.Misc.OrderTouchpoints.Db.Tests;

/// <summary>
/// SQL Server cannot run here, so its SQL is reviewed instead: linq2db's SQL Server provider translates the
/// outbox's claim and result writes over a connection that records each statement (and answers as if two
/// rows were due). What the review checks: every filter is on mapped columns and parameterised, the claim
/// reads StatusId = Pending and due time (a seek range of the due index) in its order with TOP, the
/// per-order rule is a NOT EXISTS, the batch claim and each result write are single conditional UPDATEs
/// keyed by the primary key (so two nodes serialise on row locks instead of scanning), and nothing is
/// evaluated on the client.
/// </summary>
public class SqlServerSqlTests
{
    private RecordingConnection _connection = null!;
    private DataConnection _data = null!;
    private DbDeliveryOutbox _outbox = null!;
    private readonly ManualTimeProvider _time = new();

    [SetUp]
    public void Connect()
    {
        _connection = new RecordingConnection();
        var options = new DataOptions()
            .UseSqlServer(SqlServerVersion.v2019, SqlServerProvider.MicrosoftDataSqlClient)
            .UseConnection(_connection)
            .UseMappingSchema(OutboxDatabase.MappingSchema);
        _data = new DataConnection(options);
        _outbox = OutboxDatabase.Outbox(_data, _time);
    }

    [TearDown]
    public async Task Close() => await _data.DisposeAsync();

    [Test]
    public async Task The_claim_reads_the_due_range_in_order_with_top_then_claims_it_in_one_conditional_update()
    {
        _connection.IdsToReturn = [11, 12];

        var claimed = await _outbox.ClaimDueAsync(8, TimeSpan.FromMinutes(5), "node:1");

        var (select, update) = (_connection.Statements[0], _connection.Statements[1]);
        TestContext.Out.WriteLine(select + "\n\n" + update);
        Assert.That(select, Does.Contain("UNION ALL"), "claims whose lease ran out and due rows in one read");
        Assert.That(select, Does.Contain("[d].[StatusId] = 20").And.Match(@"\[ClaimExpiresOnUtc\] <= @\w+"),
            "rows whose send lease ran out: an index's StatusId prefix");
        Assert.That(select, Does.Contain("SELECT TOP").And.Contain("[d].[Id]"));
        Assert.That(select, Does.Match(@"\[\w+\]\.\[StatusId\] = 10").And.Match(@"\[\w+\]\.\[NextAttemptOnUtc\] <= @\w+"));
        Assert.That(select, Does.Contain("NOT EXISTS(").And.Match(@"ORDER BY\s+\[\w+\]\.\[NextAttemptOnUtc\]"));
        Assert.That(Regex.Matches(select, " OR ").Count, Is.EqualTo(Regex.Matches(select, @"NOT EXISTS\(").Count),
            "no OR on status outside the per-order rule (its two waiting statuses)");

        Assert.That(update, Does.StartWith("UPDATE [OrderTouchpointDelivery] SET"));
        Assert.That(update, Does.Contain("[StatusId] = 20").And.Contain("[ClaimToken] = @ClaimToken")
            .And.Contain("[Attempts] = [Attempts] + 1"), "straight to being sent: the attempt counted");
        // The ids are parameters: one statement for the batch, seeks on the primary key, one plan per claim size.
        Assert.That(update, Does.Contain("[Id] IN (@Id0, @Id1)"), "one statement for the batch, by primary key");
        Assert.That(update, Does.Contain("[StatusId] = 10 AND [NextAttemptOnUtc] <= @NowUtc"), "re-checked under the row lock");
        Assert.That(_connection.Statements, Has.Count.EqualTo(2), "one read of claimable rows, one claim: every candidate was claimed, so no read back");
        Assert.That(claimed.Select(c => (c.Row.Id, c.Row.Status)), Is.EqualTo(new[] { (11, DeliveryStatus.InProgress), (12, DeliveryStatus.InProgress) }));
        Assert.That(claimed.Select(c => c.Row.ClaimToken).Distinct().Single(), Is.Not.Null, "both under the claim's token");
    }

    [Test]
    public async Task A_result_is_one_update_by_primary_key_and_claim_token_and_an_uncounted_attempt_is_given_back_in_it()
    {
        var token = Guid.NewGuid();

        await _outbox.RecordAttemptAsync(new AttemptResult(5, token, DeliveryStatus.Pending, _time.UtcNow, _time.UtcNow.AddSeconds(1), 429, "HTTP 429", Counted: false));

        var update = _connection.Statements.Single();
        TestContext.Out.WriteLine(update);
        Assert.That(update, Does.StartWith("UPDATE"));
        Assert.That(update, Does.EndWith("WHERE [Id] = @Id AND [ClaimToken] = @ClaimToken AND [StatusId] = 20"));
        Assert.That(update, Does.Contain("[Attempts] = [Attempts] - @GivenBack"));
        Assert.That(update, Does.Contain("[FinishedOnUtc] = NULL").And.Contain("[NextAttemptOnUtc] = @NextAttemptOnUtc"), "still pending: due again");
    }

    [Test]
    public async Task Lease_renewals_and_parked_rows_are_one_update_each_by_their_own_seekable_filters()
    {
        await _outbox.RenewLeasesAsync([Guid.NewGuid(), Guid.NewGuid()], TimeSpan.FromSeconds(30));
        await _outbox.ReleasePausedAsync("1:ABCDEF");

        var (renewal, release) = (_connection.Statements[0], _connection.Statements[^1]);
        TestContext.Out.WriteLine(renewal + "\n\n" + release);
        Assert.That(_connection.Statements, Has.Count.EqualTo(2));
        Assert.That(renewal, Does.StartWith("UPDATE").And.Match(@"\[ClaimToken\] IN \(").And.Contain("[StatusId] = 20").And.Contain("[ClaimExpiresOnUtc] = @"));
        Assert.That(release, Does.StartWith("UPDATE").And.Contain("[StatusId] = 10").And.Match(@"\[VendorKey\] = @\w+"));
    }

    [Test]
    public async Task Checkout_enqueue_is_one_insert_guarded_by_a_locked_not_exists_on_the_full_key_with_parameters_only()
    {
        var occurred = _time.UtcNow.AddMinutes(-1);
        _connection.IdsToReturn = [1, 2, 3];

        var created = await _outbox.EnqueueAsync(7, 4242, TouchpointEvent.ShipmentSent,
            [TouchpointVendor.VtMarketing, TouchpointVendor.Transactionale, TouchpointVendor.VoyadoEngage, TouchpointVendor.Transactionale], occurred, eventSourceId: 31);

        Assert.That(created, Is.EqualTo(3), "the statement's affected rows");
        var insert = _connection.Statements.Single();
        TestContext.Out.WriteLine(insert);
        Assert.That(insert, Does.StartWith("INSERT INTO [OrderTouchpointDelivery] ([StoreId], [OrderId], [VendorId], [EventId], [EventSourceId], [StatusId], [Attempts], [NextAttemptOnUtc], [CreatedOnUtc], [EventOccurredOnUtc])"));
        Assert.That(insert, Does.Contain("FROM (VALUES (@VendorId0), (@VendorId1), (@VendorId2)) AS [v]([VendorId])"), "one row per distinct vendor");
        var guard = insert[insert.IndexOf("WHERE NOT EXISTS (", StringComparison.Ordinal)..];
        Assert.That(guard, Does.Contain("FROM [OrderTouchpointDelivery] AS [d] WITH (UPDLOCK, HOLDLOCK)"), "the key range stays locked until the insert");
        foreach (var column in new[] { "StoreId", "OrderId", "EventId", "EventSourceId" })
            Assert.That(guard, Does.Contain($"[d].[{column}] = @{column}"), column);
        Assert.That(guard, Does.Contain("[d].[VendorId] = [v].[VendorId]"));
        Assert.That(insert, Does.Not.Match(@"\b(4242|31)\b"), "no value is written into the SQL");
        Assert.That(insert, Does.Not.Contain("'"), "no literal");

        var parameters = _connection.StatementParameters.Single().ToDictionary(p => p.ParameterName.TrimStart('@'), p => (p.SqlDbType, p.Value));
        Assert.That(parameters["StoreId"], Is.EqualTo((SqlDbType.Int, (object)7)));
        Assert.That(parameters["OrderId"], Is.EqualTo((SqlDbType.Int, (object)4242)));
        Assert.That(parameters["EventId"], Is.EqualTo((SqlDbType.Int, (object)(int)TouchpointEvent.ShipmentSent)));
        Assert.That(parameters["EventSourceId"], Is.EqualTo((SqlDbType.BigInt, (object)31L)));
        Assert.That(parameters["StatusId"], Is.EqualTo((SqlDbType.Int, (object)(int)DeliveryStatus.Pending)));
        Assert.That(parameters["Attempts"], Is.EqualTo((SqlDbType.Int, (object)0)));
        Assert.That(parameters["NowUtc"], Is.EqualTo((SqlDbType.DateTime2, (object)_time.UtcNow)), "datetime2, like the other time columns");
        Assert.That(parameters["EventOccurredOnUtc"], Is.EqualTo((SqlDbType.DateTime2, (object)occurred)));
        Assert.That(new[] { parameters["VendorId0"], parameters["VendorId1"], parameters["VendorId2"] },
            Is.EqualTo(new[] { (SqlDbType.Int, (object)1), (SqlDbType.Int, (object)2), (SqlDbType.Int, (object)3) }), "vendors in key order");
    }

    /// <summary>A connection that never opens a socket: it records each statement and answers with the ids it is given.</summary>
    private sealed class RecordingConnection : DbConnection
    {
        public List<string> Statements { get; } = [];

        /// <summary>Each statement's parameters as SQL Server would receive them: name, type and value.</summary>
        public List<List<SqlParameter>> StatementParameters { get; } = [];

        public int[] IdsToReturn { get; set; } = [];

        private ConnectionState _state = ConnectionState.Closed;

        public override string ConnectionString { get; set; } = "Server=review-only";
        public override string Database => "nop";
        public override string DataSource => "review-only";
        public override string ServerVersion => "15.00.4000";
        public override ConnectionState State => _state;
        public override void ChangeDatabase(string databaseName) { }
        public override void Close() => _state = ConnectionState.Closed;
        public override void Open() => _state = ConnectionState.Open;
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException();
        protected override DbCommand CreateDbCommand() => new RecordingCommand(this);

        private sealed class RecordingCommand(RecordingConnection connection) : DbCommand
        {
            private readonly SqlCommand _parameters = new();

            [System.Diagnostics.CodeAnalysis.AllowNull]
            public override string CommandText { get; set; } = "";
            public override int CommandTimeout { get; set; }
            public override CommandType CommandType { get; set; }
            public override bool DesignTimeVisible { get; set; }
            public override UpdateRowSource UpdatedRowSource { get; set; }
            protected override DbConnection? DbConnection { get; set; } = connection;
            protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;
            protected override DbTransaction? DbTransaction { get; set; }
            public override void Cancel() { }
            public override void Prepare() { }
            protected override DbParameter CreateDbParameter() => new SqlParameter();

            public override int ExecuteNonQuery()
            {
                connection.Statements.Add(CommandText);
                connection.StatementParameters.Add(_parameters.Parameters.Cast<SqlParameter>().ToList());
                return connection.IdsToReturn.Length;
            }

            public override object? ExecuteScalar()
            {
                connection.Statements.Add(CommandText);
                return null;
            }

            protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
            {
                connection.Statements.Add(CommandText);
                var table = new DataTable();
                // The claim's read of due candidates answers pending rows with the ids to return; every other read answers nothing.
                if (CommandText.Contains("SELECT TOP") && Regex.IsMatch(CommandText, @"\[\w+\]\.\[StatusId\] = 10") && CommandText.Contains("NOT EXISTS("))
                {
                    var columns = Regex.Matches(CommandText.Split("FROM")[0], @"\[\w+\]\.\[(\w+)\]").Select(m => m.Groups[1].Value).Distinct().ToList();
                    foreach (var name in columns)
                    {
                        var type = typeof(OrderTouchpointDelivery).GetProperty(name)!.PropertyType;
                        table.Columns.Add(name, Nullable.GetUnderlyingType(type) ?? type);
                    }
                    foreach (var id in connection.IdsToReturn)
                    {
                        var row = table.NewRow();
                        foreach (var name in columns)
                        {
                            row[name] = name switch
                            {
                                "Id" => id,
                                "StatusId" => (int)DeliveryStatus.Pending,
                                "VendorId" => (int)TouchpointVendor.Transactionale,
                                "EventId" => (int)TouchpointEvent.OrderPlaced,
                                "StoreId" or "OrderId" or "Attempts" => 0,
                                "EventSourceId" => 0L,
                                "NextAttemptOnUtc" or "CreatedOnUtc" or "EventOccurredOnUtc" => new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc),
                                _ => DBNull.Value
                            };
                        }
                        table.Rows.Add(row);
                    }
                }
                return table.CreateDataReader();
            }
        }
    }
}
