using MaxMind.Db;
using Microsoft.Extensions.Logging;

namespace LoginGuard.Enrichment.GeoIp;

/// <summary>
/// One <c>.mmdb</c> path, served by one shared memory-mapped reader and reopened when the file
/// is replaced. geoipupdate writes a new file and renames it over the old one: the old mapping
/// stays valid for lookups already running, new lookups get the new reader, and the old reader
/// is disposed by its last lookup (<see cref="MaxMindReaderHandle"/>). A file overwritten in
/// place instead of renamed can fault the mapped reader; replace databases by rename.
/// </summary>
internal sealed class MaxMindDatabaseFile : IDisposable
{
    /// <summary>Watcher events can be lost (overflow, network mounts, inotify limits); polling catches those.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    private readonly string _path;
    private readonly MaxMindDatabaseKind _kind;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer _timer;
    private MaxMindReaderHandle? _current;
    private MaxMindFileStamp? _rejected;

    /// <summary>Opens the file now and throws if it is unusable, so a bad first load stops start-up.</summary>
    public MaxMindDatabaseFile(string path, MaxMindDatabaseKind kind, TimeProvider timeProvider, ILogger logger)
    {
        _path = Path.GetFullPath(path);
        _kind = kind;
        _logger = logger;
        var stamp = MaxMindFileStamp.Of(_path) ?? throw new FileNotFoundException($"{kind.OptionKey}: file '{_path}' does not exist.", _path);
        _current = new MaxMindReaderHandle(Open(), stamp);
        _watcher = TryWatch();
        _timer = timeProvider.CreateTimer(_ => Reload(), null, PollInterval, PollInterval);
    }

    /// <summary>Runs a lookup against the current reader; a corrupt database gives the fallback, not an exception.</summary>
    public TResult Read<TState, TResult>(TState state, Func<Reader, TState, TResult> lookup, TResult fallback)
    {
        while (Volatile.Read(ref _current) is { } handle)
        {
            if (!handle.TryAcquire())
            {
                continue;
            }

            try
            {
                return lookup(handle.Reader, state);
            }
            catch (InvalidDatabaseException e)
            {
                GeoIpLog.LookupFailed(_logger, e, _path);
                return fallback;
            }
            finally
            {
                handle.Release();
            }
        }

        return fallback;
    }

    /// <summary>Opens the file again if it changed since the current reader was opened; keeps the current one if it cannot.</summary>
    public void Reload()
    {
        lock (_reloadLock)
        {
            var current = _current;
            var stamp = MaxMindFileStamp.Of(_path);
            if (current is null || stamp is null || stamp == current.Stamp || stamp == _rejected)
            {
                return;
            }

            Reader reader;
            try
            {
                reader = Open();
            }
            catch (Exception e)
            {
                // Anything may be wrong with a replacement; the watcher and timer threads must survive it.
                _rejected = stamp;
                GeoIpLog.ReloadRejected(_logger, e, _path);
                return;
            }

            _rejected = null;
            Volatile.Write(ref _current, new MaxMindReaderHandle(reader, stamp.Value));
            current.Release();
        }
    }

    public void Dispose()
    {
        lock (_reloadLock)
        {
            _watcher?.Dispose();
            _timer.Dispose();
            Interlocked.Exchange(ref _current, null)?.Release();
        }
    }

    private Reader Open()
    {
        var reader = new Reader(_path, FileAccessMode.MemoryMapped);
        var type = reader.Metadata.DatabaseType;
        if (!_kind.Accepts(type))
        {
            reader.Dispose();
            throw new InvalidDatabaseException($"{_kind.OptionKey}: '{_path}' is a {type} database, not {_kind.Example}.");
        }

        GeoIpLog.DatabaseLoaded(_logger, _path, type, reader.Metadata.BuildDate);
        return reader;
    }

    private FileSystemWatcher? TryWatch()
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += (_, _) => Reload();
            watcher.Changed += (_, _) => Reload();
            watcher.Renamed += (_, _) => Reload();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            watcher?.Dispose();
            GeoIpLog.WatchUnavailable(_logger, e, _path, PollInterval);
            return null;
        }
    }
}
