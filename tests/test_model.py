"""The decoder and its KV-cache sampler: padding invariance, cache == no cache, EOS handling, sampling."""

import pytest
import torch

from minisafe.model import ModelConfig, Transformer, sample_next


def tiny(n_kv_heads=2, qkv_bias=False, tie=True, seed=0) -> Transformer:
    torch.manual_seed(seed)
    cfg = ModelConfig(vocab_size=61, d_model=32, n_layers=2, n_heads=4, n_kv_heads=n_kv_heads, d_ff=48,
                      max_seq_len=64, qkv_bias=qkv_bias, tie_embeddings=tie)
    model = Transformer(cfg).eval()
    with torch.no_grad():  # larger weights than the init: sharper distributions, so greedy ties cannot hide bugs
        for p in model.parameters():
            p.normal_(0.0, 0.3)
    return model


def left_padded(lengths, T, vocab=61, seed=1):
    """(B, T) ids with row b's prompt in its last lengths[b] columns; pads hold junk ids (must not matter)."""
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(0, vocab, (len(lengths), T), generator=g)
    mask = torch.zeros(len(lengths), T, dtype=torch.long)
    for b, n in enumerate(lengths):
        mask[b, T - n:] = 1
    return ids, mask


def test_shapes_hidden_and_lm_head():
    m = tiny(tie=False)
    ids = torch.randint(0, 61, (2, 7))
    assert m(ids).shape == (2, 7, 61)
    h = m(ids, return_hidden=True)
    assert h.shape == (2, 7, 32)
    torch.testing.assert_close(h @ m.lm_head_weight.T, m(ids))
    t = tiny(tie=True)
    assert t.lm_head_weight is t.tok_emb.weight
    assert t.num_params() == sum(p.numel() for p in t.parameters()) < tiny(tie=False).num_params()


def test_causal():
    m = tiny()
    ids = torch.randint(0, 61, (1, 9))
    changed = ids.clone()
    changed[0, 6] = (ids[0, 6] + 1) % 61
    a, b = m(ids), m(changed)
    torch.testing.assert_close(a[:, :6], b[:, :6])
    assert not torch.allclose(a[:, 6:], b[:, 6:])


@pytest.mark.parametrize("n_kv_heads,qkv_bias", [(2, False), (4, True), (1, False)])
def test_left_padding_is_invisible(n_kv_heads, qkv_bias):
    """Each padded row gives the logits of the same prompt run alone (positions restart at the first real token)."""
    m = tiny(n_kv_heads, qkv_bias)
    lengths = [3, 8, 5]
    ids, mask = left_padded(lengths, 8)
    logits = m(ids, attention_mask=mask)
    for b, n in enumerate(lengths):
        alone = m(ids[b:b + 1, 8 - n:])
        torch.testing.assert_close(logits[b, 8 - n:], alone[0], atol=1e-5, rtol=0)
    assert torch.isfinite(logits).all()  # pad rows attend to themselves: no NaN from all-masked rows


def reference_greedy(m, ids, mask, n):
    """Greedy decoding without a cache: re-run the whole padded sequence each step, take the argmax."""
    ids, mask = ids.clone(), mask.clone()
    for _ in range(n):
        nxt = m(ids, attention_mask=mask)[:, -1].argmax(-1)
        ids = torch.cat([ids, nxt[:, None]], 1)
        mask = torch.cat([mask, torch.ones_like(mask[:, :1])], 1)
    return ids


@pytest.mark.parametrize("n_kv_heads,qkv_bias", [(2, False), (4, True)])
def test_greedy_kv_cache_equals_no_cache(n_kv_heads, qkv_bias):
    m = tiny(n_kv_heads, qkv_bias)
    ids, mask = left_padded([2, 6, 4, 6], 6)
    out = m.generate(ids, 10, temperature=0.0, attention_mask=mask)
    assert out.shape == (4, 16)
    assert torch.equal(out, reference_greedy(m, ids, mask, 10))
    # no mask at all (all rows full length) takes the unmasked path
    out = m.generate(ids, 5, temperature=0.0)
    assert torch.equal(out, reference_greedy(m, ids, torch.ones_like(mask), 5))


def test_eos_rows_are_padded_and_decoding_stops():
    m = tiny()
    ids, mask = left_padded([3, 5], 5)
    free = m.generate(ids, 12, temperature=0.0, attention_mask=mask)
    eos = int(free[0, 5 + 2])  # row 0's third new token becomes "EOS"
    out = m.generate(ids, 12, temperature=0.0, attention_mask=mask, eos_token_id=eos, pad_token_id=-1)
    assert out.shape == (2, 17)
    for b in range(2):
        new = out[b, 5:]
        hits = (free[b, 5:] == eos).nonzero()
        stop = int(hits[0]) if len(hits) else None
        if stop is None:
            assert torch.equal(new, free[b, 5:])
        else:  # identical up to and including the first EOS, then pad
            assert torch.equal(new[: stop + 1], free[b, 5: 5 + stop + 1])
            assert (new[stop + 1:] == -1).all()
    # pad defaults to the EOS id; when every row has finished, the rest is padding (full width still returned)
    out = m.generate(ids[:1], 12, temperature=0.0, attention_mask=mask[:1], eos_token_id=eos)
    assert out.shape == (1, 17) and (out[0, 5 + 3:] == eos).all()


def test_sampling_reproducible_with_generator():
    m = tiny()
    ids, mask = left_padded([4, 7, 2], 7)

    def run(seed):
        return m.generate(ids, 15, temperature=1.0, attention_mask=mask, generator=torch.Generator().manual_seed(seed))

    a, b, c = run(0), run(0), run(1)
    assert torch.equal(a, b)
    assert not torch.equal(a, c)
    assert torch.equal(a[:, :7], ids)


def test_sampling_follows_the_distribution():
    """Inverse-CDF sampling draws each id with its softmax probability (chi-square-sized tolerance)."""
    logits = torch.tensor([[2.0, 1.0, 0.0, -1.0, -30.0]]).repeat(20000, 1)
    ids = sample_next(logits, 1.0, 1.0, torch.Generator().manual_seed(0))
    freq = torch.bincount(ids, minlength=5).float() / len(ids)
    torch.testing.assert_close(freq, torch.softmax(logits[0], -1), atol=0.012, rtol=0)
    # temperature sharpens: T = 0.5 equals softmax(2 * logits)
    ids = sample_next(logits, 0.5, 1.0, torch.Generator().manual_seed(0))
    freq = torch.bincount(ids, minlength=5).float() / len(ids)
    torch.testing.assert_close(freq, torch.softmax(2 * logits[0], -1), atol=0.012, rtol=0)


def test_top_p_keeps_the_nucleus_only():
    # probabilities 0.5, 0.3, 0.15, 0.05 (order scrambled): top_p = 0.7 keeps {0.5, 0.3}, renormalised
    probs = torch.tensor([0.15, 0.5, 0.05, 0.3])
    logits = probs.log().repeat(20000, 1)
    ids = sample_next(logits, 1.0, 0.7, torch.Generator().manual_seed(0))
    freq = torch.bincount(ids, minlength=4).float() / len(ids)
    torch.testing.assert_close(freq, torch.tensor([0.0, 0.625, 0.0, 0.375]), atol=0.012, rtol=0)
    # a tiny top_p is greedy
    m = tiny()
    ids, mask = left_padded([4, 7], 7)
    greedy = m.generate(ids, 8, temperature=0.0, attention_mask=mask)
    assert torch.equal(m.generate(ids, 8, top_p=1e-6, attention_mask=mask, generator=torch.Generator()), greedy)


def test_resize_token_embeddings():
    for tie in (True, False):
        m = tiny(tie=tie)
        ids = torch.randint(0, 61, (2, 5))
        before = m(ids)
        m.resize_token_embeddings(70)
        assert m.config.vocab_size == 70 and m.lm_head_weight.shape == (70, 32)
        after = m(ids)
        torch.testing.assert_close(after[..., :61], before)  # old rows untouched
        torch.testing.assert_close(m.tok_emb.weight[65], m.tok_emb.weight[:61].mean(0))
        m.resize_token_embeddings(50)
        assert m(ids.clamp(max=49)).shape == (2, 5, 50)


def test_config_validation():
    with pytest.raises(ValueError, match="n_heads=6 must be divisible by n_kv_heads=4"):
        ModelConfig(d_model=48, n_heads=6, n_kv_heads=4)


def test_training_step_reduces_loss():
    m = tiny().train()
    ids = torch.randint(0, 61, (4, 16))
    opt = torch.optim.AdamW(m.parameters(), lr=3e-3)
    losses = []
    for _ in range(5):
        logits = m(ids)
        loss = torch.nn.functional.cross_entropy(logits[:, :-1].reshape(-1, 61), ids[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < losses[0]
