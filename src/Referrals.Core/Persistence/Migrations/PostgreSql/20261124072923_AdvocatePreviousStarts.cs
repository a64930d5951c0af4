using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.PostgreSql
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AdvocatePreviousStartedAt",
                table: "Referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_AdvocateContactId_CreatedAt",
                table: "Referrals",
                columns: new[] { "TenantId", "AdvocateContactId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId_CreatedAt_State_AdvocateContactId_Advoca~",
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
                name: "IX_Referrals_TenantId_CreatedAt_State_AdvocateContactId_Advoca~",
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
