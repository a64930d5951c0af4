using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.SqlServer
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
                type: "datetimeoffset",
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
                UPDATE r SET r.[AdvocatePreviousStartedAt] = x.p FROM [Referrals] AS r JOIN (SELECT [Id] AS id, LAG([CreatedAt]) OVER (PARTITION BY [TenantId], [AdvocateContactId] ORDER BY [CreatedAt], [Id]) AS p FROM [Referrals]) AS x ON r.[Id] = x.id WHERE x.p IS NOT NULL
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
