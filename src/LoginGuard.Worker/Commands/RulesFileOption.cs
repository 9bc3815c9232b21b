using System.CommandLine;
using LoginGuard.Worker.Hosting;

namespace LoginGuard.Worker.Commands;

/// <summary>
/// <c>--rules FILE</c>, the same for every command that scores (run, rules test, and the tools' train and evaluate):
/// the rules.json the worker ships by default, so an offline baseline is the real one.
/// </summary>
internal static class RulesFileOption
{
    public static Option<FileInfo> Create()
    {
        var option = new Option<FileInfo>("--rules")
        {
            Description = "The rules file to score with (default: the rules.json the worker ships).",
            DefaultValueFactory = _ => new FileInfo(RulesFile.DefaultPath),
        };
        option.AcceptExistingOnly();
        return option;
    }
}
