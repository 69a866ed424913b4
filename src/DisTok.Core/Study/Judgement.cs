namespace DisTok.Core.Study;

/// <summary>How a battle between arm A and arm B was judged.</summary>
public enum JudgementOutcome
{
    /// <summary>A is better.</summary>
    AWins,

    /// <summary>B is better.</summary>
    BWins,

    /// <summary>As good as each other: half a win each in the Bradley–Terry fit; not a trial for win rates.</summary>
    Tie,

    /// <summary>Neither is acceptable: counted and shown, but left out of win rates and the fit.</summary>
    BothBad,
}

/// <summary>One vote, with the arms resolved (after unblinding).</summary>
/// <param name="Participant">Who voted; the bootstrap resamples these.</param>
/// <param name="ArmA">Index of one arm.</param>
/// <param name="ArmB">Index of the other arm (≠ A).</param>
/// <param name="Outcome">The verdict.</param>
public sealed record Judgement(string Participant, int ArmA, int ArmB, JudgementOutcome Outcome);
