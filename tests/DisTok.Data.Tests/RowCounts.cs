namespace DisTok.Data.Tests;

/// <summary>Rows per table, plus the sum of all room revisions (an edit that bumped a revision shows there).</summary>
sealed record RowCounts(int Tokens, int Tags, int Links, int Rooms, int Weights, int Images, long RevisionSum);
