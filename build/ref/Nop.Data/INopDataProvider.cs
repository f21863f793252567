using LinqToDB.Data;

namespace Nop.Data;

public partial interface INopDataProvider
{
    Task<int> ExecuteNonQueryAsync(string sql, params DataParameter[] dataParameters);

    string ConfigurationName { get; }
}
