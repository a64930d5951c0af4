using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddAnalyticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_CreatedAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_PaidAt",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_TenantId_CreatedAt",
                table: "LedgerEntries");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_ConvertedAt_State_AdvocateContactId_Root~",
                table: "Referrals",
                columns: new[] { "TenantId", "ConvertedAt", "State", "AdvocateContactId", "RootAdvocateContactId", "Depth", "Currency", "Revenue" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_CreatedAt_State_AdvocateContactId",
                table: "Referrals",
                columns: new[] { "TenantId", "CreatedAt", "State", "AdvocateContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_VisitedAt",
                table: "Referrals",
                columns: new[] { "TenantId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_PaidAt_CancelledAt_Currency_ReferralId_Tota~",
                table: "Orders",
                columns: new[] { "TenantId", "PaidAt", "CancelledAt", "Currency", "ReferralId", "Total", "RefundedAmount" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_TenantId_CreatedAt_Currency_Type_State_Amount",
                table: "LedgerEntries",
                columns: new[] { "TenantId", "CreatedAt", "Currency", "Type", "State", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Asks_TenantId_AnsweredAt_Score",
                table: "Asks",
                columns: new[] { "TenantId", "AnsweredAt", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_Asks_TenantId_CreatedAt",
                table: "Asks",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Asks_TenantId_SentAt",
                table: "Asks",
                columns: new[] { "TenantId", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_ConvertedAt_State_AdvocateContactId_Root~",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_CreatedAt_State_AdvocateContactId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_VisitedAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_PaidAt_CancelledAt_Currency_ReferralId_Tota~",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_TenantId_CreatedAt_Currency_Type_State_Amount",
                table: "LedgerEntries");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_AnsweredAt_Score",
                table: "Asks");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_CreatedAt",
                table: "Asks");

            migrationBuilder.DropIndex(
                name: "IX_Asks_TenantId_SentAt",
                table: "Asks");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_CreatedAt",
                table: "Referrals",
                columns: new[] { "TenantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_PaidAt",
                table: "Orders",
                columns: new[] { "TenantId", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_TenantId_CreatedAt",
                table: "LedgerEntries",
                columns: new[] { "TenantId", "CreatedAt" });
        }
    }
}
