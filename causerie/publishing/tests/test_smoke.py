from causerie.core.testing import make_comment


def test_post_detail_shows_a_nested_reply(client, post, other_member):
    first = make_comment(post=post, author=other_member, body="Premier niveau")
    make_comment(post=post, author=post.author, body="Second niveau", parent=first)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert "Second niveau" in response.content.decode()
