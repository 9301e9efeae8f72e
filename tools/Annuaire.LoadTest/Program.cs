using Annuaire.LoadTest;

return await LoadTestRunner.RunAsync(LoadTestOptions.Parse(args), Console.Out);
