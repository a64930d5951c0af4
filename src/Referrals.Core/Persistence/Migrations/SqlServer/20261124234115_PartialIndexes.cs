using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_ParentReferralId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_VisitedAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_ReferralId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Asks_State_DueAt",
                table: "Asks");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_AnsweredAt_Score",
                table: "Asks");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_ContactId_State",
                table: "Asks");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_SentAt",
                table: "Asks");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_VisitedAt",
                table: "Referrals",
                columns: new[] { "TenantId", "VisitedAt" },
                filter: "\"VisitedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_ReferralId",
                table: "Orders",
                columns: new[] { "TenantId", "ReferralId" },
                filter: "\"ReferralId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Asks_Scheduled_DueAt",
                table: "Asks",
                column: "DueAt",
                filter: "\"State\" = 'Scheduled'");

            migrationBuilder.CreateIndex(
                name: "IX_Asks_TenantId_AnsweredAt_Score",
                table: "Asks",
                columns: new[] { "TenantId", "AnsweredAt", "Score" },
                filter: "\"AnsweredAt\" IS NOT NULL");

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

            migrationBuilder.CreateIndex(
                name: "IX_Asks_TenantId_SentAt",
                table: "Asks",
                columns: new[] { "TenantId", "SentAt" },
                filter: "\"SentAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_VisitedAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_ReferralId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Asks_Scheduled_DueAt",
                table: "Asks");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_AnsweredAt_Score",
                table: "Asks");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_ContactId_Scheduled",
                table: "Asks");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_ContactId_SentAt",
                table: "Asks");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_SentAt",
                table: "Asks");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ParentReferralId",
                table: "Referrals",
                column: "ParentReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_VisitedAt",
                table: "Referrals",
                columns: new[] { "TenantId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_ReferralId",
                table: "Orders",
                columns: new[] { "TenantId", "ReferralId" });

            migrationBuilder.CreateIndex(
                name: "IX_Asks_State_DueAt",
                table: "Asks",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Asks_TenantId_AnsweredAt_Score",
                table: "Asks",
                columns: new[] { "TenantId", "AnsweredAt", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_Asks_TenantId_ContactId_State",
                table: "Asks",
                columns: new[] { "TenantId", "ContactId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Asks_TenantId_SentAt",
                table: "Asks",
                columns: new[] { "TenantId", "SentAt" });
        }
    }
}
