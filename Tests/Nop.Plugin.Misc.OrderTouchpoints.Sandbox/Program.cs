using Nop.Plugin.Misc.OrderTouchpoints.Sandbox;

if (SandboxOptions.Parse(args, Console.Error) is not { } options)
    return 2;
return await SandboxRun.RunAsync(options, Console.Out);
