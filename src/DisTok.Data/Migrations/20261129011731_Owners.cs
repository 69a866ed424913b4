using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisTok.Data.Migrations
{
    /// <inheritdoc />
    public partial class Owners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "Studies",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "ShareLinks",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "SavedTokens",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "Rooms",
                type: "TEXT",
                maxLength: 80,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Owner",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "ShareLinks");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "SavedTokens");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "Rooms");
        }
    }
}
