from detente.cli import main

main()
