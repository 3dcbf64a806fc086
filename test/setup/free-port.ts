import net from "node:net"

/** A port in 55500–55899 that nothing on 127.0.0.1 listens on right now. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = 55_500 + Math.floor(Math.random() * 400)
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer()
      server.once("error", () => resolve(false))
      server.listen(candidate, "127.0.0.1", () => server.close(() => resolve(true)))
    })
    if (free) return candidate
  }
  throw new Error("no free port in 55500–55899")
}
