namespace LinqToDB.Data;

public class DataParameter
{
    public DataParameter(string? name, object? value)
    {
        Name = name;
        Value = value;
    }

    public string? Name { get; set; }

    public object? Value { get; set; }
}
