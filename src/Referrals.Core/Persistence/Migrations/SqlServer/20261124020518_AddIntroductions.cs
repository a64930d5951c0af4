using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EmailHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastIntroducedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    OptedOutAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
