"""minisafe.training.AdamW against torch.optim.AdamW: the same bits on a CPU, step after step, with two parameter
groups (weight decay on one), a parameter without a gradient, a changing learning rate, and checkpoints that load
in either direction."""

import copy

import torch

from minisafe.training import AdamW


def model_and_grads(seed: int):
    torch.manual_seed(seed)
    net = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 4))
    frozen = torch.nn.Parameter(torch.randn(3))   # never gets a gradient: no state, no change
    return net, frozen


def groups(net, frozen):
    decay = [p for p in net.parameters() if p.dim() == 2]
    rest = [p for p in net.parameters() if p.dim() < 2] + [frozen]
    return [{"params": decay, "weight_decay": 0.1}, {"params": rest, "weight_decay": 0.0}]


def train(opt, net, steps, start=0):
    for k in range(start, start + steps):
        for g in opt.param_groups:
            g["lr"] = 1e-2 * (1 + k) ** -0.5
        x = torch.randn(32, 8, generator=torch.Generator().manual_seed(k))
        net(x).pow(2).mean().backward()
        opt.step()
        opt.zero_grad()


def same(a, b) -> bool:
    return all(torch.equal(x, y) for x, y in zip(a.parameters(), b.parameters()))


def test_adamw_gives_torchs_bits_and_loads_its_checkpoints_both_ways():
    ours, theirs = model_and_grads(0), model_and_grads(0)
    o = AdamW(groups(*ours), lr=1e-2, betas=(0.9, 0.95), eps=1e-5)
    t = torch.optim.AdamW(groups(*theirs), lr=1e-2, betas=(0.9, 0.95), eps=1e-5)
    train(o, ours[0], 7)
    train(t, theirs[0], 7)
    assert same(ours[0], theirs[0]) and torch.equal(ours[1], theirs[1])
    so, st = copy.deepcopy(o.state_dict()), copy.deepcopy(t.state_dict())   # as a checkpoint holds them
    assert so["state"].keys() == st["state"].keys() and len(so["state"]) == 4   # the frozen one has none
    for i in st["state"]:
        assert all(torch.equal(so["state"][i][k], st["state"][i][k]) for k in ("step", "exp_avg", "exp_avg_sq"))
    assert [g["params"] for g in so["param_groups"]] == [g["params"] for g in st["param_groups"]]

    # each resumes from the other's state and goes on as the other would
    ours2, theirs2 = model_and_grads(1), model_and_grads(1)
    ours2[0].load_state_dict(theirs[0].state_dict())
    theirs2[0].load_state_dict(ours[0].state_dict())
    o2 = AdamW(groups(*ours2), lr=1.0)
    o2.load_state_dict(st)
    t2 = torch.optim.AdamW(groups(*theirs2), lr=1.0)
    t2.load_state_dict(so)
    train(o2, ours2[0], 5, start=7)
    train(t2, theirs2[0], 5, start=7)
    train(t, theirs[0], 5, start=7)
    assert same(ours2[0], theirs[0]) and same(theirs2[0], theirs[0])
