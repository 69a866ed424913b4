using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisTok.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPublic",
                table: "SavedTokens",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "SavedTokens");
        }
    }
}
