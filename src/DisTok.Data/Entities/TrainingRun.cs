namespace DisTok.Data.Entities;

/// <summary>A DisTok training run started from the admin page; run N makes version vN when it completes.</summary>
public sealed class TrainingRun
{
    /// <summary>1, 2, 3… in the order runs were started.</summary>
    public int Number { get; set; }

    /// <summary>One of <see cref="TrainingRunStatus"/>'s values.</summary>
    public string Status { get; set; } = TrainingRunStatus.Running;

    /// <summary>Who started it.</summary>
    public string StartedBy { get; set; } = "";

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedUtc { get; set; }

    /// <summary>When the process running it last said it still does (its lease; see <see cref="Stores.TrainingRuns.Lease"/>).</summary>
    public DateTimeOffset HeartbeatUtc { get; set; }

    /// <summary>When it ended, or null while it runs.</summary>
    public DateTimeOffset? EndedUtc { get; set; }

    /// <summary>The settings as JSON.</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>Optimiser steps done, as last recorded.</summary>
    public int Step { get; set; }

    /// <summary>Optimiser steps asked for.</summary>
    public int TotalSteps { get; set; }

    /// <summary>How it ended or what it is doing, for people.</summary>
    public string Message { get; set; } = "";

    /// <summary>The version it made (its own number), or null.</summary>
    public int? VersionNumber { get; set; }

    /// <summary>True while running or evaluating.</summary>
    public bool IsActive => Status is TrainingRunStatus.Running or TrainingRunStatus.Evaluating;
}

/// <summary>The states of a <see cref="TrainingRun"/>.</summary>
public static class TrainingRunStatus
{
    public const string Running = "running";
    public const string Evaluating = "evaluating";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";
}
