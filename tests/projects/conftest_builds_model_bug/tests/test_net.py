def test_forward(model, batch):
    assert model(batch).shape == (2, 6)
