using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdvocatePreviousStarts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_CreatedAt_State_AdvocateContactId",
                table: "Referrals");

            migrationBuilder.AddColumn<long>(
                name: "AdvocatePreviousStartedAt",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_AdvocateContactId_CreatedAt",
                table: "Referrals",
                columns: new[] { "TenantId", "AdvocateContactId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_CreatedAt_State_AdvocateContactId_AdvocatePreviousStartedAt",
                table: "Referrals",
                columns: new[] { "TenantId", "CreatedAt", "State", "AdvocateContactId", "AdvocatePreviousStartedAt" });

            // Existing referrals get their advocate's previous start, as the save sets it for new ones.
            migrationBuilder.Sql(
                """
                UPDATE "Referrals" SET "AdvocatePreviousStartedAt" = x.p FROM (SELECT "Id" AS id, LAG("CreatedAt") OVER (PARTITION BY "TenantId", "AdvocateContactId" ORDER BY "CreatedAt", "Id") AS p FROM "Referrals") AS x WHERE "Referrals"."Id" = x.id AND x.p IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_AdvocateContactId_CreatedAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId_CreatedAt_State_AdvocateContactId_AdvocatePreviousStartedAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "AdvocatePreviousStartedAt",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_CreatedAt_State_AdvocateContactId",
                table: "Referrals",
                columns: new[] { "TenantId", "CreatedAt", "State", "AdvocateContactId" });
        }
    }
}
