using Neyman.Cli;

return NeymanApp.Run(args, Console.Out, Console.Error);
