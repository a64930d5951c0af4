using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddIntroductions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FriendSuppressions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmailHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastIntroducedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OptedOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FriendSuppressions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FriendSuppressions_TenantId_EmailHash",
                table: "FriendSuppressions",
                columns: new[] { "TenantId", "EmailHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FriendSuppressions");
        }
    }
}
