using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ContactAskIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Asks_TenantId_ContactId_Scheduled",
                table: "Asks",
                columns: new[] { "TenantId", "ContactId" },
                filter: "\"State\" = 'Scheduled'");

            migrationBuilder.CreateIndex(
                name: "IX_Asks_TenantId_ContactId_SentAt",
                table: "Asks",
                columns: new[] { "TenantId", "ContactId", "SentAt" },
                filter: "\"SentAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_ContactId_Scheduled",
                table: "Asks");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_ContactId_SentAt",
                table: "Asks");
        }
    }
}
