using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CoverVelocityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_AdvocateContactId_ConvertedAt",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_AdvocateContactId_ConvertedAt_State",
                table: "Referrals",
                columns: new[] { "TenantId", "AdvocateContactId", "ConvertedAt", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_AdvocateContactId_ConvertedAt_State",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_AdvocateContactId_ConvertedAt",
                table: "Referrals",
                columns: new[] { "TenantId", "AdvocateContactId", "ConvertedAt" });
        }
    }
}
