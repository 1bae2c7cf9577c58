"""The examples of the user's guide (プロセスとメッセージング), as written, on
the runtime alone: snippets are joined with as little glue as possible
(marked "-- glue"), entry IDs like "app.test.process:echo_worker" are the
files app/test/process/echo_worker.lua (a folder without _index.yaml)."""

import re

LISTEN_WORKER = """
-- "messages"トピックのメッセージをリッスンするワーカー
local function main()
    local ch = process.listen("messages")

    local msg = ch:receive()
    if msg then
        -- msgはペイロードそのもの
        print("Received:", msg)
        return true
    end

    return false
end

return { main = main }
"""

ECHO_WORKER = """
-- メッセージを送信者に返すワーカー
local function main()
    local ch = process.listen("echo", { message = true })

    local msg = ch:receive()
    if msg then
        local sender = msg:from()
        local payload = msg:payload()

        if sender then
            process.send(sender, "reply", payload)
        end
        return true
    end

    return false
end

return { main = main }
"""

INBOX_WORKER = """
local function main()
    local inbox_ch = process.inbox()
    local specific_ch = process.listen("specific_topic")

    while true do
        local result = channel.select({
            specific_ch:case_receive(),
            inbox_ch:case_receive()
        })

        if result.channel == specific_ch then
            -- "specific_topic"へのメッセージはここに到着
            local payload = result.value
            print("specific:", payload)  -- glue
        elseif result.channel == inbox_ch then
            -- 他のすべてのトピックへのメッセージはここに到着
            local msg = result.value
            print("Inbox got:", msg.topic, msg.payload)
        end
    end
end

return { main = main }
"""


def test_spawn_send_and_listen(lua_run):
    """Guide: プロセスの生成, 自身のPIDを取得, メッセージの送信, トピック購読経由の受信."""
    r = lua_run(
        """
        local pid, err = process.spawn("app.test.process:echo_worker", "app:processes", "hello")
        if err then
            return false, "spawn failed: " .. err
        end

        -- pidは生成されたプロセスの文字列識別子
        print("Started worker:", pid)

        local my_pid = process.pid()
        -- 現在のプロセスの文字列PIDを返す

        local worker_pid = pid  -- glue
        -- PIDでプロセスに送信
        local sent, err = process.send(worker_pid, "messages", "hello from parent")
        if err then
            return false, "send failed: " .. err
        end

        -- sendは(bool, error)を返す
        print("sent", sent, my_pid)  -- glue
        time.sleep("10ms")  -- glue
        """,
        {"app/test/process/echo_worker.lua": LISTEN_WORKER},
    )
    assert (r.status, r.err) == (0, ""), r
    assert r.lines == [
        "Started worker:\t{app:processes|0x00002}",
        "sent\ttrue\t{app:processes|0x00001}",
        "Received:\thello from parent",
    ], r


def test_spawn_failure_returns_false_and_message(lua_run):
    """Guide: `return false, "spawn failed: " .. err` at the top of the root
    script is an error exit (status 1, the message on stderr)."""
    r = lua_run("""
        local pid, err = process.spawn("app.test.process:missing", "app:processes", "hello")
        if err then
            return false, "spawn failed: " .. err
        end
        """)
    assert (r.status, r.err) == (1, "moonlet: spawn failed: factory not found\n"), r


def test_message_mode_echo_worker(lua_run):
    """Guide: 送信者情報のためのメッセージモード. The worker echoes
    msg:payload(), a Payload object: like every userdata it becomes nil in
    the reply (SPEC §0 payload isolation)."""
    r = lua_run(
        """
        local pid = process.spawn("app.test.process:echo_worker", "app:processes")  -- glue
        local reply = process.listen("reply", { message = true })  -- glue
        process.send(pid, "echo", "ping")  -- glue
        local m = reply:receive()  -- glue
        print(m:topic(), m:from() == pid, m:payload():data())  -- glue
        """,
        {"app/test/process/echo_worker.lua": ECHO_WORKER},
    )
    assert (r.status, r.out, r.err) == (0, "reply\ttrue\tnil\n", ""), r


def test_inbox_worker_with_select(lua_run):
    """Guide: Inbox経由の受信 (select over a listen channel and the inbox)."""
    r = lua_run(
        """
        local pid = process.spawn("app.test.process:inbox_worker", "app:processes")  -- glue
        process.send(pid, "specific_topic", "S")  -- glue
        process.send(pid, "other_topic", "O")  -- glue
        time.sleep("1s")  -- glue
        """,
        {"app/test/process/inbox_worker.lua": INBOX_WORKER},
    )
    assert (r.status, r.err) == (0, ""), r
    assert r.lines[0] == "specific:\tS"
    # msg.topic and msg.payload are the methods themselves (functions).
    assert re.match(
        r"^Inbox got:\tfunction: 0x[0-9a-f]+\tfunction: 0x[0-9a-f]+$", r.lines[1]
    ), r


def test_spawn_monitored_waits_for_exit(lua_run):
    """Guide: モニタリング付き生成 (events, time.after, select)."""
    r = lua_run(
        """
        local events_ch = process.events()

        local worker_pid, err = process.spawn_monitored(
            "app.test.process:events_exit_worker",
            "app:processes"
        )
        if err then
            return false, "spawn failed: " .. err
        end

        -- EXITイベントを待機
        local timeout = time.after("3s")
        local result = channel.select {
            events_ch:case_receive(),
            timeout:case_receive(),
        }

        if result.channel == timeout then
            return false, "timeout waiting for EXIT event"
        end

        local event = result.value
        if event.kind == process.event.EXIT then
            print("Worker exited:", event.from)
            if event.error then
                print("Exit error:", event.error)
            end
            -- event.resultで戻り値にアクセス
        end
        print("result", event.result.value)  -- glue
        """,
        {
            "app/test/process/events_exit_worker.lua": (
                "return { main = function() time.sleep('100ms') return 'exited' end }"
            )
        },
    )
    assert (r.status, r.err) == (0, ""), r
    assert r.lines == ["Worker exited:\t{app:processes|0x00002}", "result\texited"], r


def test_explicit_monitor_and_unmonitor(lua_run):
    """Guide: 明示的なモニタリング, モニタリングの停止."""
    r = lua_run(
        """
        local events_ch = process.events()

        -- モニタリングなしで生成
        local worker_pid, err = process.spawn("app.test.process:long_worker", "app:processes")
        if err then
            return false, "spawn failed: " .. err
        end

        -- 明示的にモニタリングを追加
        local ok, monitor_err = process.monitor(worker_pid)
        if monitor_err then
            return false, "monitor failed: " .. monitor_err
        end

        -- これでこのワーカーのEXITイベントを受信する
        print("monitoring", ok)  -- glue
        local ok, err = process.unmonitor(worker_pid)
        print("unmonitored", ok, err)  -- glue
        """,
        {
            "app/test/process/long_worker.lua": (
                "return { main = function() time.sleep('1h') end }"
            )
        },
    )
    assert (r.status, r.out, r.err) == (
        0,
        "monitoring\ttrue\nunmonitored\ttrue\tnil\n",
        "",
    ), r


def test_links(lua_run):
    """Guide: リンク付きプロセスの生成, 明示的なリンク, リンク解除."""
    r = lua_run(
        """
        -- 親がクラッシュすると子は終了（trap_linksが設定されていない限り）
        local pid, err = process.spawn_linked("app.test.process:child_worker", "app:processes")
        if err then
            return false, "spawn_linked failed: " .. err
        end
        local target_pid = process.spawn("app.test.process:child_worker", "app:processes")  -- glue

        -- 既存のプロセスにリンク
        local ok, err = process.link(target_pid)
        if err then
            return false, "link failed: " .. err
        end

        -- リンク解除
        local ok, err = process.unlink(target_pid)
        print("linked and unlinked", ok, err)  -- glue
        """,
        {
            "app/test/process/child_worker.lua": (
                "return { main = function() process.inbox():receive() end }"
            )
        },
    )
    assert (r.status, r.out, r.err) == (0, "linked and unlinked\ttrue\tnil\n", ""), r


def test_trap_links_worker(lua_run):
    """Guide: LINK_DOWNイベントの処理 (the whole worker, run as the root)."""
    r = lua_run(
        """
        local function main()
            -- クラッシュの代わりにLINK_DOWNイベントを受信するためにtrap_linksを有効化
            local ok, err = process.set_options({ trap_links = true })
            if not ok then
                return false, "set_options failed: " .. err
            end

            -- trap_linksが有効か確認
            local opts = process.get_options()
            if not opts.trap_links then
                return false, "trap_links should be true"
            end

            local events_ch = process.events()

            -- 失敗するリンクされたプロセスを生成
            local error_pid, err2 = process.spawn_linked(
                "app.test.process:error_exit_worker",
                "app:processes"
            )
            if err2 then
                return false, "spawn error worker failed: " .. err2
            end

            -- LINK_DOWNイベントを待機
            local timeout = time.after("2s")
            local result = channel.select {
                events_ch:case_receive(),
                timeout:case_receive(),
            }

            if result.channel == timeout then
                return false, "timeout waiting for LINK_DOWN"
            end

            local event = result.value
            if event.kind == process.event.LINK_DOWN then
                print("Linked process died:", event.from)
                -- クラッシュの代わりに適切に処理
                return true
            end

            return false, "expected LINK_DOWN, got: " .. tostring(event.kind)
        end

        return { main = main }
        """,
        {
            "app/test/process/error_exit_worker.lua": (
                "return { main = function() time.sleep('10ms') error('worker failed') end }"
            )
        },
    )
    assert (r.status, r.out, r.err) == (
        0,
        "Linked process died:\t{app:processes|0x00002}\n",
        "",
    ), r


def test_registry_examples(lua_run):
    """Guide: 名前の登録, 名前の登録解除."""
    r = lua_run("""
        local function main()
            local test_name = "my_service_" .. tostring(os.time())

            -- 現在のプロセスに名前を登録
            local ok, err = process.registry.register(test_name)
            if err then
                return false, "register failed: " .. err
            end

            -- 登録された名前をルックアップ
            local pid, lookup_err = process.registry.lookup(test_name)
            if lookup_err then
                return false, "lookup failed: " .. lookup_err
            end

            -- 自分のPIDに解決されることを確認
            if pid ~= process.pid() then
                return false, "lookup returned wrong pid"
            end

            -- 明示的に登録解除
            local unregistered = process.registry.unregister(test_name)
            if not unregistered then
                print("Name was not registered")
            end

            -- 登録解除後のルックアップはnil + errorを返す
            local pid, err = process.registry.lookup(test_name)
            -- pidはnil、errはnon-nil
            print(pid, err)  -- glue

            return true
        end

        return { main = main }
        """)
    assert (r.status, r.out, r.err) == (0, "nil\tname not registered\n", ""), r


POOL_PARENT = """
-- 親プロセス
local time = require("time")

local function main()
    local events_ch = process.events()

    -- 生成されたワーカーを追跡
    local workers = {}
    local worker_count = 5

    -- 複数のモニタリング付きワーカーを生成
    for i = 1, worker_count do
        local worker_pid, err = process.spawn_monitored(
            "app.test.process:task_worker",
            "app:processes",
            { task_id = i, value = i * 10 }
        )

        if err then
            return false, "spawn worker " .. i .. " failed: " .. err
        end

        workers[worker_pid] = { task_id = i, started = os.time() }
    end

    -- すべてのワーカーの完了を待機
    local completed = 0
    local timeout = time.after("10s")

    while completed < worker_count do
        local result = channel.select {
            events_ch:case_receive(),
            timeout:case_receive(),
        }

        if result.channel == timeout then
            return false, "timeout waiting for workers"
        end

        local event = result.value
        if event.kind == process.event.EXIT then
            local worker = workers[event.from]
            if worker then
                if event.error then
                    print("Worker " .. worker.task_id .. " failed:", event.error)
                else
                    print("Worker " .. worker.task_id .. " completed:", event.result)
                end
                completed = completed + 1
            end
        end
    end

    return true
end

return { main = main }
"""

POOL_WORKER = """
-- task_worker.lua
local time = require("time")

local function main(task)
    -- 作業をシミュレート
    time.sleep("100ms")

    -- タスクを処理
    local result = task.value * 2

    return result
end

return { main = main }
"""


def test_worker_pool_example(lua_run):
    """Guide: 完全な例: モニタリング付きワーカープール, as written."""
    r = lua_run(POOL_PARENT, {"app/test/process/task_worker.lua": POOL_WORKER})
    assert (r.status, r.err) == (0, ""), r
    assert len(r.lines) == 5
    for i, line in enumerate(r.lines, 1):
        assert re.match(r"^Worker %d completed:\ttable: 0x[0-9a-f]+$" % i, line), r
