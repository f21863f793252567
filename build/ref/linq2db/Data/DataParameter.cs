namespace LinqToDB.Data;

public class DataParameter
{
    public static DataParameter Int32(string? name, int value) => throw null;

    public static DataParameter Int64(string? name, long value) => throw null;

    public static DataParameter NVarChar(string? name, string? value) => throw null;

    public static DataParameter Guid(string? name, Guid value) => throw null;

    public static DataParameter DateTime2(string? name, DateTime value) => throw null;
}
