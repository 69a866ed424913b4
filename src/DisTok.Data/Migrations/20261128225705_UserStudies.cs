using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DisTok.Data.Migrations
{
    /// <inheritdoc />
    public partial class UserStudies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Studies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    OwnerKey = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Consent = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    JudgementsPerParticipant = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RevealAfter = table.Column<bool>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Studies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StudyArms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyId = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TokenId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyArms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyArms_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyImages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    StudyId = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    ArmIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Png = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyImages_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StudyId = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Distribution = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyItems_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyParticipants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    StudyId = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    ClientHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JoinedUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyParticipants_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyBattles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    StudyId = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    ParticipantId = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftArm = table.Column<int>(type: "INTEGER", nullable: false),
                    RightArm = table.Column<int>(type: "INTEGER", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    VotedUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseMs = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyBattles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyBattles_StudyParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "StudyParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StudyArms_StudyId_Index",
                table: "StudyArms",
                columns: new[] { "StudyId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyBattles_ParticipantId_Ordinal",
                table: "StudyBattles",
                columns: new[] { "ParticipantId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyBattles_StudyId_ItemIndex_LeftArm_RightArm",
                table: "StudyBattles",
                columns: new[] { "StudyId", "ItemIndex", "LeftArm", "RightArm" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyImages_StudyId_ArmIndex_ItemIndex",
                table: "StudyImages",
                columns: new[] { "StudyId", "ArmIndex", "ItemIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyItems_StudyId_Index",
                table: "StudyItems",
                columns: new[] { "StudyId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyParticipants_StudyId_AddressHash",
                table: "StudyParticipants",
                columns: new[] { "StudyId", "AddressHash" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyParticipants_StudyId_ClientHash",
                table: "StudyParticipants",
                columns: new[] { "StudyId", "ClientHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StudyArms");

            migrationBuilder.DropTable(
                name: "StudyBattles");

            migrationBuilder.DropTable(
                name: "StudyImages");

            migrationBuilder.DropTable(
                name: "StudyItems");

            migrationBuilder.DropTable(
                name: "StudyParticipants");

            migrationBuilder.DropTable(
                name: "Studies");
        }
    }
}
