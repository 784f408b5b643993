using CommsLinter.Catalog;
using CommsLinter.Content.Decoding;
using CommsLinter.Content.Yaml;
using CommsLinter.Diagnostics;
using CommsLinter.Text;

namespace CommsLinter.Content.Catalog;

/// <summary>
/// Reads and validates <c>touchpoints.yml</c> (schema: docs/catalog.md). Every problem is a finding
/// at its line and column; references to unknown stages, processes, teams, channels and locales and
/// duplicate ids are reported with the nearest known name.
/// </summary>
public static class CatalogReader
{
    public const string FileName = "touchpoints.yml";

    private static readonly string[] RootKeys = ["company", "locales", "source-locale", "channels", "teams", "stages", "processes", "touchpoints"];
    private static readonly string[] ItemKeys = ["id", "name", "description"];
    private static readonly string[] TouchpointKeys = ["id", "name", "description", "stage", "process", "owner", "channels", "locales", "flags", "localized", "sample"];

    public static JourneyCatalog? Load(string fullPath, string displayPath, out IReadOnlyList<Finding> findings)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            findings = [ContentRules.CatalogMissing.At(displayPath, Location.FileStart, $"The catalog cannot be read: {ex.Message}")];
            return null;
        }

        var text = TextDecoding.Decode(bytes, displayPath, out var problem);
        if (text is null)
        {
            findings = [problem!];
            return null;
        }

        return Parse(new SourceText(displayPath, text), out findings);
    }

    public static JourneyCatalog? Parse(SourceText source, out IReadOnlyList<Finding> findings)
    {
        var state = new State(source);
        findings = state.Findings;
        YamlProblem? yamlProblem = null;
        // Most catalogs are plain block YAML, which BlockYaml reads many times faster than the general reader.
        var root = BlockYaml.TryParse(source.Text) ?? YamlTree.Parse(source.Text, 0, source.Text.Length, out yamlProblem);
        if (yamlProblem is not null)
        {
            state.Findings.Add((yamlProblem.IsSyntax ? ContentRules.CatalogSyntax : ContentRules.CatalogInvalid)
                .At(source, yamlProblem.Range, $"Catalog: {yamlProblem.Message}"));
            return null;
        }

        if (root is not YamlMapping mapping)
        {
            state.Error(root?.Head ?? default, "The catalog must be a mapping with 'locales', 'channels', 'teams', 'stages', 'processes' and 'touchpoints'.");
            return null;
        }

        state.CheckKeys(mapping, RootKeys, "catalog");
        var locales = state.Strings(mapping, "locales", required: true);
        var sourceLocale = state.Scalar(mapping, "source-locale");
        if (sourceLocale is not null && !locales.Contains(sourceLocale.Value))
        {
            state.Error(sourceLocale.Range, $"source-locale '{sourceLocale.Value}' is not one of the catalog's locales ({string.Join(", ", locales)}).");
        }

        var channels = state.Items(mapping, "channels", "channel");
        var teams = state.Items(mapping, "teams", "team");
        var stages = state.Items(mapping, "stages", "stage");
        var processes = state.Items(mapping, "processes", "process");
        var touchpoints = new List<Touchpoint>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in state.Mappings(mapping, "touchpoints"))
        {
            state.CheckKeys(entry, TouchpointKeys, "touchpoint");
            var id = state.Scalar(entry, "id");
            if (id is null)
            {
                state.Error(entry.Head, "This touchpoint has no 'id'.");
                continue;
            }

            if (!seen.Add(id.Value))
            {
                state.Error(id.Range, $"Touchpoint id '{id.Value}' is defined twice; ids must be unique.");
                continue;
            }

            var touchpointChannels = state.Strings(entry, "channels", required: true);
            var touchpointLocales = entry.Get("locales") is null ? locales : state.Strings(entry, "locales", required: false);
            state.Reference(entry, "stage", stages, "stage");
            state.Reference(entry, "process", processes, "process");
            state.Reference(entry, "owner", teams, "team");
            state.References(entry, "channels", channels.Select(c => c.Id).ToArray(), "channel");
            state.References(entry, "locales", locales, "locale");
            state.References(entry, "localized", ParityAspects.All, "parity aspect");
            touchpoints.Add(new Touchpoint(
                id.Value,
                state.Scalar(entry, "name")?.Value ?? id.Value,
                state.Scalar(entry, "stage")?.Value ?? string.Empty,
                state.Scalar(entry, "process")?.Value ?? string.Empty,
                state.Scalar(entry, "owner")?.Value ?? string.Empty,
                touchpointChannels,
                touchpointLocales,
                state.Strings(entry, "flags", required: false),
                id.Range)
            {
                Localized = state.Strings(entry, "localized", required: false),
                Sample = state.Scalar(entry, "sample")?.Value,
            });
        }

        return new JourneyCatalog(source, state.Scalar(mapping, "company")?.Value, locales, sourceLocale?.Value,
            channels, teams, stages, processes, touchpoints);
    }

    private sealed class State(SourceText source)
    {
        public List<Finding> Findings { get; } = [];

        public void Error(TextRange range, string message) =>
            Findings.Add(ContentRules.CatalogInvalid.At(source, range, message));

        public void CheckKeys(YamlMapping mapping, string[] known, string what)
        {
            foreach (var key in mapping.Entries.Select(e => e.Key))
            {
                if (!known.Contains(key.Value))
                {
                    Error(key.Range, $"Unknown {what} key '{key.Value}'.{Suggestions.DidYouMean(key.Value, known)} Known keys: {string.Join(", ", known)}.");
                }
            }
        }

        public YamlScalar? Scalar(YamlMapping mapping, string key)
        {
            switch (mapping.Get(key))
            {
                case null:
                    return null;
                case YamlScalar scalar:
                    return scalar;
                case var other:
                    Error(other.Head, $"'{key}' must be a single value.");
                    return null;
            }
        }

        public IReadOnlyList<string> Strings(YamlMapping mapping, string key, bool required)
        {
            switch (mapping.Get(key))
            {
                case null when required:
                    Error(mapping.Head, $"'{key}' is missing: give a list such as '{key}: [a, b]'.");
                    return [];
                case null:
                    return [];
                case YamlSequence sequence when sequence.Items.All(i => i is YamlScalar):
                    return [.. sequence.Items.Cast<YamlScalar>().Select(s => s.Value)];
                case var other:
                    Error(other.Head, $"'{key}' must be a list of values, such as '{key}: [a, b]'.");
                    return [];
            }
        }

        public IEnumerable<YamlMapping> Mappings(YamlMapping mapping, string key)
        {
            switch (mapping.Get(key))
            {
                case null:
                    Error(mapping.Head, $"'{key}' is missing.");
                    yield break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item is YamlMapping entry)
                        {
                            yield return entry;
                        }
                        else
                        {
                            Error(item.Head, $"Each entry of '{key}' must be a mapping with at least an 'id'.");
                        }
                    }

                    break;
                case var other:
                    Error(other.Head, $"'{key}' must be a list of entries, each starting with '- id:'.");
                    break;
            }
        }

        public List<CatalogItem> Items(YamlMapping mapping, string key, string itemName)
        {
            var items = new List<CatalogItem>();
            foreach (var entry in Mappings(mapping, key))
            {
                CheckKeys(entry, ItemKeys, itemName);
                if (Scalar(entry, "id") is not { } id)
                {
                    Error(entry.Head, $"This entry of '{key}' has no 'id'.");
                    continue;
                }

                if (items.Any(i => i.Id == id.Value))
                {
                    Error(id.Range, $"'{id.Value}' is defined twice in '{key}'.");
                    continue;
                }

                items.Add(new CatalogItem(id.Value, Scalar(entry, "name")?.Value ?? id.Value, id.Range));
            }

            return items;
        }

        public void Reference(YamlMapping entry, string key, IReadOnlyList<CatalogItem> known, string what)
        {
            var value = Scalar(entry, key);
            if (value is null)
            {
                Error(entry.Head, $"This touchpoint has no '{key}'.");
                return;
            }

            var ids = known.Select(k => k.Id).ToArray();
            if (!ids.Contains(value.Value))
            {
                Error(value.Range, $"Unknown {what} '{value.Value}'.{Suggestions.DidYouMean(value.Value, ids)} Known: {string.Join(", ", ids)}.");
            }
        }

        public void References(YamlMapping entry, string key, IReadOnlyList<string> known, string what)
        {
            if (entry.Get(key) is not YamlSequence sequence)
            {
                return;
            }

            foreach (var item in sequence.Items.OfType<YamlScalar>())
            {
                if (!known.Contains(item.Value))
                {
                    Error(item.Range, $"Unknown {what} '{item.Value}'.{Suggestions.DidYouMean(item.Value, known)} Known: {string.Join(", ", known)}.");
                }
            }
        }
    }
}
