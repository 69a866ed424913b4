using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisTok.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TrainingLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HeartbeatUtc",
                table: "TrainingRuns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeartbeatUtc",
                table: "TrainingRuns");
        }
    }
}
