using Referrals.Core;
using Referrals.Core.Messaging;
using Referrals.ShopifyBridge.Shopify.Mapping;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Shopify.Mapping;

public sealed class RefundMapperTests
{
    [Test]
    public void ToRefund_ValuesTheLinesAtSubtotalPlusTax_WhenTheRefundHasNoTransactions()
    {
        var refund = RefundMapper.ToRefund(Payloads.Refund(ShopifyFixtures.Read(ShopifyFixtures.OfficialRefund)), "refunds/create", Payloads.Received);

        Assert.That(refund, Is.Not.Null);
        Assert.That(refund!.Amount, Is.EqualTo(new Money(398.00m, "USD")));
        Assert.That(refund.OrderId, Is.EqualTo("820982911946154500"));
        Assert.That(refund.RefundId, Is.EqualTo("890088186047892400"));
        Assert.That(refund.At, Is.EqualTo(Payloads.Received), "the sample has no processed_at or created_at");
    }

    [Test]
    public void ToRefund_SumsOnlySuccessfulRefundTransactions()
    {
        var refund = RefundMapper.ToRefund(Payloads.Refund("""
            {"id": 2, "order_id": 1, "processed_at": "2026-11-21T12:00:00+01:00",
             "refund_line_items": [{"subtotal": 500, "total_tax": 0}],
             "transactions": [
               {"kind": "refund", "status": "success", "amount": "30.00", "currency": "EUR"},
               {"kind": "refund", "status": "failure", "amount": "30.00", "currency": "EUR"},
               {"kind": "refund", "status": "pending", "amount": "5.00", "currency": "EUR"},
               {"kind": "sale", "status": "success", "amount": "90.00", "currency": "EUR"},
               {"kind": "refund", "status": "success", "amount": "15.50", "currency": "EUR"}]}
            """), "refunds/create", Payloads.Received);

        Assert.That(refund!.Amount, Is.EqualTo(new Money(45.50m, "EUR")), "the lines are ignored once transactions say what went back");
        Assert.That(refund.At, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void ToRefund_PrefersTheTransactionsShopMoney()
    {
        var refund = RefundMapper.ToRefund(Payloads.Refund("""
            {"id": 2, "order_id": 1, "transactions": [{"kind": "refund", "status": "success", "amount": "11.00", "currency": "USD",
              "amount_set": {"shop_money": {"amount": "10.00", "currency_code": "EUR"}}}]}
            """), "refunds/create", Payloads.Received);

        Assert.That(refund!.Amount, Is.EqualTo(new Money(10.00m, "EUR")));
    }

    [Test]
    public void ToRefund_ReturnsNull_WhenNoMoneyWentBack()
    {
        var refund = RefundMapper.ToRefund(Payloads.Refund("""
            {"id": 2, "order_id": 1, "refund_line_items": [{"subtotal": 50}], "transactions": [{"kind": "refund", "status": "failure", "amount": "50.00", "currency": "EUR"}]}
            """), "refunds/create", Payloads.Received);

        Assert.That(refund, Is.Null);
    }

    [TestCase("""{"id": 2, "transactions": []}""", "'order_id'")]
    [TestCase("""{"order_id": 1, "transactions": []}""", "'id'")]
    [TestCase("""{"id": 2, "order_id": 1, "refund_line_items": [{"subtotal": 50}]}""", "without a currency")]
    [TestCase("""{"id": 2, "order_id": 1, "transactions": [{"kind": "refund", "status": "success", "amount": "1", "currency": "EUR"}, {"kind": "refund", "status": "success", "amount": "1", "currency": "USD"}]}""", "mixes currencies")]
    public void ToRefund_ThrowsAPermanentError_WhenTheRefundCannotBeValued(string json, string expected)
    {
        Assert.That(() => RefundMapper.ToRefund(Payloads.Refund(json), "refunds/create", Payloads.Received),
            Throws.TypeOf<PermanentMessageException>().With.Message.Contains(expected));
    }

    [Test]
    public void ToRefund_ReadsTheBuilderBody_ForTheSyntheticOrder()
    {
        var refund = RefundMapper.ToRefund(Payloads.Refund(ShopifyPayloads.Refund(ShopifyPayloads.SyntheticOrderId, 77, 45m)), "refunds/create", Payloads.Received);

        Assert.That(refund!.OrderId, Is.EqualTo("820982911946154508"));
        Assert.That(refund.Amount, Is.EqualTo(new Money(45m, "EUR")));
    }
}
