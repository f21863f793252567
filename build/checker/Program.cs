using ReferenceChecker;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(CheckOptions.Usage);
    return 0;
}

try
{
    return ReferenceCheck.Run(CheckOptions.Parse(args), Console.Out);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(CheckOptions.Usage);
    return ReferenceCheck.UsageError;
}
