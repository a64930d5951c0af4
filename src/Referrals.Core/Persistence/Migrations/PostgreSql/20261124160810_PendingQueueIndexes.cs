using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Referrals.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PendingQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ProcessedAt_DeadLetteredAt_NextAttemptAt",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_InboxMessages_ProcessedAt_DeadLetteredAt_NextAttemptAt",
                table: "InboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Pending",
                table: "OutboxMessages",
                columns: new[] { "NextAttemptAt", "Id", "ClaimedUntil" },
                filter: "\"ProcessedAt\" IS NULL AND \"DeadLetteredAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_Pending",
                table: "InboxMessages",
                columns: new[] { "NextAttemptAt", "Id", "ClaimedUntil" },
                filter: "\"ProcessedAt\" IS NULL AND \"DeadLetteredAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Pending",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_InboxMessages_Pending",
                table: "InboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt_DeadLetteredAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAt", "DeadLetteredAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ProcessedAt_DeadLetteredAt_NextAttemptAt",
                table: "InboxMessages",
                columns: new[] { "ProcessedAt", "DeadLetteredAt", "NextAttemptAt" });
        }
    }
}
